package dev.concierge.console.sync;

import atlantafx.base.theme.Styles;
import dev.concierge.console.Controls;
import dev.concierge.console.Texts;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The Sync screen's backups line: the last backup in words (a warning when too old), and "Back up now" for managers. */
final class BackupsLine extends HBox {
    BackupsLine(BackupsViewModel model) {
        super(12);
        Texts texts = model.texts();
        setId("sync-backups");
        setAlignment(Pos.CENTER_LEFT);
        Label title = Controls.label("sync-backups-title", texts.get("backups.title"), Styles.TEXT_BOLD);
        Label summary = Controls.message("sync-backups-summary", model.summaryProperty(), Styles.TEXT_SMALL);
        summary.setWrapText(true);
        model.staleProperty().addListener((observable, before, stale) -> {
            summary.getStyleClass().remove(Styles.WARNING);
            if (stale) {
                summary.getStyleClass().add(Styles.WARNING);
            }
        });
        getChildren().addAll(title, summary);
        if (model.mayBackUp()) {
            Button now = Controls.button(
                    "sync-backup-now", texts.get("backups.now"), texts.get("backups.nowHelp"), model::backUpNow);
            now.disableProperty().bind(model.busyProperty());
            getChildren().add(now);
        }
        getChildren()
                .addAll(
                        Controls.message("sync-backups-notice", model.noticeProperty(), Styles.SUCCESS),
                        Controls.message("sync-backups-problem", model.problemProperty(), Styles.DANGER));
    }
}
