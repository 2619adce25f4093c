package dev.concierge.console;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The few controls every screen makes the same way: each with an id and a text for screen readers. */
public final class Controls {
    private Controls() {}

    public static Label label(String id, String text, String... styles) {
        Label label = new Label(text);
        label.setId(id);
        label.setAccessibleText(text);
        label.getStyleClass().addAll(styles);
        return label;
    }

    /** A label showing {@code text} as it changes, and taking no room while it is empty. */
    public static Label message(String id, ObservableStringValue text, String... styles) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.accessibleTextProperty().bind(text);
        label.getStyleClass().addAll(styles);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A screen that is one card in the middle of the window, as sign-in and the first run are. */
    public static void centredCard(StackPane screen, VBox card, double maxWidth) {
        card.setMaxWidth(maxWidth);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setPadding(new Insets(24));
        card.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-border-radius: 8; -fx-background-radius: 8;");
        screen.getChildren().add(card);
        screen.setAlignment(Pos.CENTER);
        screen.setPadding(new Insets(24));
        screen.setStyle("-fx-background-color: -color-bg-subtle;");
    }

    public static Button button(String id, String text, String accessibleText, Runnable action, String... styles) {
        Button button = new Button(text);
        button.setId(id);
        button.setAccessibleText(accessibleText);
        button.getStyleClass().addAll(styles);
        button.setOnAction(event -> action.run());
        return button;
    }

    /**
     * A question asked before something that cannot be undone, shown while {@code question} has text: the focus goes
     * to {@code confirm}, Enter confirms and Escape keeps.
     */
    public static HBox confirmation(
            String id, String questionId, ObservableStringValue question, Button confirm, Button keep) {
        Label asked = message(questionId, question);
        asked.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(asked, Priority.ALWAYS);
        confirm.setMinWidth(Region.USE_PREF_SIZE);
        keep.setMinWidth(Region.USE_PREF_SIZE);
        HBox confirmation = new HBox(12, asked, confirm, keep);
        confirmation.setId(id);
        confirmation.setAlignment(Pos.CENTER_LEFT);
        confirmation.setPadding(new Insets(8, 12, 8, 12));
        confirmation.setStyle("-fx-background-color: -color-danger-subtle; -fx-background-radius: 6;");
        confirmation.visibleProperty().bind(asked.visibleProperty());
        confirmation.managedProperty().bind(confirmation.visibleProperty());
        confirm.defaultButtonProperty().bind(confirmation.visibleProperty());
        keep.cancelButtonProperty().bind(confirmation.visibleProperty());
        confirmation.visibleProperty().addListener((observable, before, now) -> {
            if (now) {
                confirm.requestFocus();
            }
        });
        return confirmation;
    }
}
