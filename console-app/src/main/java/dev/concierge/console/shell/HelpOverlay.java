package dev.concierge.console.shell;

import atlantafx.base.theme.Styles;
import dev.concierge.console.Controls;
import dev.concierge.console.Texts;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Every keyboard shortcut on one card over the screen (F1 opens and closes it, Escape closes it): the keys that move
 * between screens, then each screen's own, the one showing first.
 */
final class HelpOverlay extends StackPane {
    HelpOverlay(Texts texts, List<Page> pages, Screen showing, Runnable close) {
        setId("help-overlay");
        setStyle("-fx-background-color: rgba(0, 0, 0, 0.35);");
        setOnMouseClicked(event -> {
            if (event.getTarget() == this) {
                close.run();
            }
        });

        GridPane screens = new GridPane();
        screens.setHgap(16);
        screens.setVgap(4);
        int row = 0;
        for (Page page : pages) {
            screens.addRow(
                    row++,
                    Controls.label(
                            "help-shortcut-" + page.screen().digit(),
                            page.screen().shortcut(),
                            Styles.TEXT_BOLD),
                    Controls.label(
                            "help-screen-" + page.screen().digit(),
                            page.screen().title(texts)));
        }

        VBox card = new VBox(
                10,
                Controls.label("help-title", texts.get("help.title"), Styles.TITLE_3),
                Controls.label("help-global", texts.get("help.global"), Styles.TEXT_MUTED),
                Controls.label("help-screens-heading", texts.get("help.screens"), Styles.TITLE_4),
                screens);
        pages.stream()
                .sorted((a, b) -> Boolean.compare(b.screen() == showing, a.screen() == showing))
                .filter(page -> !page.keys().isBlank())
                .forEach(page -> {
                    String id = "help-keys-" + page.screen().name().toLowerCase(java.util.Locale.ROOT);
                    Label keys = Controls.label(id, page.keys().replace(" · ", "\n"));
                    keys.setWrapText(true);
                    card.getChildren()
                            .addAll(
                                    Controls.label(
                                            id + "-heading",
                                            page.screen() == showing
                                                    ? texts.get(
                                                            "help.thisScreen",
                                                            page.screen().title(texts))
                                                    : page.screen().title(texts),
                                            Styles.TITLE_4),
                                    keys);
                });
        card.setPadding(new Insets(24));
        card.setMaxWidth(560);
        card.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8;"
                + " -fx-border-color: -color-border-default; -fx-border-radius: 8;");
        ScrollPane scroll = new ScrollPane(card);
        scroll.setId("help-scroll");
        scroll.setAccessibleText(texts.get("help.title"));
        scroll.setFitToWidth(true);
        scroll.setMaxWidth(580);
        scroll.setMaxHeight(Region.USE_PREF_SIZE);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setAlignment(Pos.CENTER);
        setPadding(new Insets(24));
        getChildren().add(scroll);
    }
}
