package dev.concierge.console.shell;

import atlantafx.base.theme.Styles;
import dev.concierge.console.Controls;
import dev.concierge.console.Texts;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * "Discard your changes?" over the screen, for every screen's unsaved edits: Keep editing (Escape, and where the
 * focus starts) or Discard. Keep editing gives the focus back to where it was.
 */
final class DiscardPrompt extends StackPane {
    private final Button keep;
    private @Nullable Node focusBefore;

    DiscardPrompt(Texts texts, Runnable keepEditing, Runnable discard) {
        setId("discard-prompt");
        setAccessibleText(texts.get("discard.question"));
        setStyle("-fx-background-color: rgba(0, 0, 0, 0.35);");
        Label question = Controls.label("discard-prompt-question", texts.get("discard.question"), Styles.TITLE_4);
        Label why = Controls.label("discard-prompt-why", texts.get("discard.why"), Styles.TEXT_MUTED);
        why.setWrapText(true);
        keep = Controls.button(
                "discard-prompt-keep",
                texts.get("discard.keep"),
                texts.get("discard.keep.help"),
                () -> {
                    Node back = focusBefore;
                    keepEditing.run();
                    if (back != null && back.getScene() != null) {
                        back.requestFocus();
                    }
                },
                Styles.ACCENT);
        keep.setDefaultButton(true);
        Button drop = Controls.button(
                "discard-prompt-discard",
                texts.get("discard.discard"),
                texts.get("discard.discard.help"),
                discard,
                Styles.DANGER);
        HBox buttons = new HBox(8, keep, drop);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(10, question, why, buttons);
        card.setPadding(new Insets(20));
        card.setMaxWidth(420);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        card.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8;"
                + " -fx-border-color: -color-border-default; -fx-border-radius: 8;");
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                keep.fire();
                event.consume();
            }
        });
    }

    /** Shows over the screen with the focus on Keep editing, remembering where the focus was. */
    void shownAfter(@Nullable Node focused) {
        focusBefore = focused;
        keep.requestFocus();
    }
}
