package dev.concierge.console;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

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

    public static Button button(String id, String text, String accessibleText, Runnable action, String... styles) {
        Button button = new Button(text);
        button.setId(id);
        button.setAccessibleText(accessibleText);
        button.getStyleClass().addAll(styles);
        button.setOnAction(event -> action.run());
        return button;
    }
}
