package dev.concierge.kiosk;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;

/**
 * The guest's own settings as buttons that are always on screen: the large Accessibility button (usable without the
 * mode it turns on), the text size, the controls low for a wheelchair, the on-screen keyboard. Each says its state in
 * words and with a check mark, not by its colour alone, and so does its accessible text.
 */
final class AccessibilityButtons {
    private static final String CHECK = " ✓";

    private final ChatViewModel chat;
    private final List<Button> buttons;

    AccessibilityButtons(AccessibilityViewModel access, ChatViewModel chat) {
        this.chat = chat;
        Button mode = toggle("accessibility", "access.mode", access.accessibilityModeProperty());
        mode.getStyleClass().add("accessibility-button");
        mode.setOnAction(event -> access.toggleAccessibilityMode());

        Button size = new Button();
        size.setId("text-size");
        size.getStyleClass().addAll("access-button", "text-size");
        StringBinding sizeText = words(
                () -> stated(
                        "access.textSize",
                        chat.getTexts()
                                .get("textSize."
                                        + access.textSizeProperty().get().name())),
                access.textSizeProperty());
        size.textProperty().bind(sizeText);
        size.accessibleTextProperty().bind(sizeText);
        size.setOnAction(event -> access.nextTextSize());

        Button reach = toggle("reach-layout", "access.reach", access.reachLayoutProperty());
        reach.setOnAction(event -> access.toggleReachLayout());

        Button keyboard = toggle("keyboard-toggle", "access.keyboard", access.keyboardShownProperty());
        keyboard.setOnAction(event -> access.toggleKeyboard());

        buttons = List.of(mode, size, reach, keyboard);
    }

    /** The buttons in the order they show: the screen places them (on top, or low in the reach layout). */
    List<Button> all() {
        return buttons;
    }

    private Button toggle(String id, String name, BooleanProperty on) {
        Button button = new Button();
        button.setId(id);
        button.getStyleClass().add("access-button");
        StringBinding said = words(() -> stated(name, chat.getTexts().get(on.get() ? "access.on" : "access.off")), on);
        button.textProperty().bind(words(() -> said.get() + (on.get() ? CHECK : ""), said));
        button.accessibleTextProperty().bind(said);
        showOn(button, on.get());
        on.addListener((observable, was, now) -> showOn(button, now));
        return button;
    }

    /** "Accessibility: on": the setting's name and its state, in the guest's language. */
    private String stated(String name, String state) {
        Texts texts = chat.getTexts();
        return texts.get("access.state", texts.get(name), state);
    }

    private StringBinding words(Callable<String> text, ObservableValue<?> state) {
        return Bindings.createStringBinding(text, state, chat.textsProperty());
    }

    private static void showOn(Button button, boolean on) {
        button.getStyleClass().remove(Styles.ACCENT);
        if (on) {
            button.getStyleClass().add(Styles.ACCENT);
        }
    }
}
