package dev.concierge.kiosk;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The on-screen keyboard under the message field, for a guest who cannot reach or use a physical one: its keys type
 * into the field where its caret is (through {@link OnScreenKeyboard}), Send sends. The keys follow the guest's
 * language, Shift and the accents layer; each key is named for a screen reader, and Shift and Accents say when they
 * are on in words, not by colour alone.
 */
final class OnScreenKeyboardView extends VBox {
    private final OnScreenKeyboard keyboard;
    private final ChatViewModel chat;
    private final TextField message;

    OnScreenKeyboardView(AccessibilityViewModel access, ChatViewModel chat, TextField message) {
        super(6);
        this.keyboard = access.keyboard();
        this.chat = chat;
        this.message = message;
        setId("keyboard");
        setAccessibleText(chat.getTexts().get("keyboard.name"));
        getStyleClass().add("keyboard");
        setAlignment(Pos.CENTER);
        visibleProperty().bind(access.keyboardShownProperty());
        managedProperty().bind(visibleProperty());
        // after AccessibilityViewModel's own listeners: the keyboard has its new language, or is reset, by then
        chat.languageProperty().addListener((observable, before, now) -> showKeys());
        chat.whenStartingOver(this::showKeys);
        showKeys();
    }

    private void showKeys() {
        Texts texts = chat.getTexts();
        setAccessibleText(texts.get("keyboard.name"));
        getChildren().clear();
        for (List<KeyboardLayout.Key> keys : keyboard.rows()) {
            HBox row = new HBox(6);
            row.setAlignment(Pos.CENTER);
            row.getStyleClass().add("keyboard-row");
            for (KeyboardLayout.Key key : keys) {
                row.getChildren().add(key(key, texts));
            }
            getChildren().add(row);
        }
    }

    private Button key(KeyboardLayout.Key key, Texts texts) {
        String shown;
        String said;
        switch (key.kind()) {
            case CHARACTER -> {
                shown = keyboard.label(key);
                said = shown;
            }
            case SHIFT -> {
                shown = texts.get("key.shift") + (keyboard.shift() ? " ✓" : "");
                said = stated(texts, "key.shift", keyboard.shift());
            }
            case ACCENTS -> {
                shown = keyboard.accents() ? "abc ✓" : "á é ñ";
                said = stated(texts, "key.accents", keyboard.accents());
            }
            case SPACE -> {
                shown = texts.get("key.space");
                said = shown;
            }
            case BACKSPACE -> {
                shown = "⌫";
                said = texts.get("key.backspace");
            }
            default -> {
                shown = texts.get("key.send");
                said = shown;
            }
        }
        Button button = new Button(shown);
        button.setId(id(key));
        button.setAccessibleText(said);
        button.getStyleClass().addAll("key", "key-" + key.kind().name().toLowerCase(Locale.ROOT));
        // a key press must leave the focus, and so the caret, in the message field
        button.setFocusTraversable(false);
        button.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(button, Priority.ALWAYS);
        button.setOnAction(event -> press(key));
        return button;
    }

    private void press(KeyboardLayout.Key key) {
        if (key.kind() == KeyboardLayout.Kind.SEND) {
            chat.send();
            return;
        }
        boolean shift = keyboard.shift();
        boolean accents = keyboard.accents();
        OnScreenKeyboard.Edit after = keyboard.press(
                key, new OnScreenKeyboard.Edit(message.getText(), message.getAnchor(), message.getCaretPosition()));
        message.setText(after.text());
        message.selectRange(after.anchor(), after.caret());
        if (shift != keyboard.shift() || accents != keyboard.accents()) {
            showKeys();
        }
    }

    private static String stated(Texts texts, String name, boolean on) {
        return texts.get("access.state", texts.get(name), texts.get(on ? "access.on" : "access.off"));
    }

    /** {@code key-a}, {@code key-7}, {@code key-shift}; other characters by code point ({@code key-u00f1} for ñ). */
    static String id(KeyboardLayout.Key key) {
        if (key.kind() != KeyboardLayout.Kind.CHARACTER) {
            return "key-" + key.kind().name().toLowerCase(Locale.ROOT);
        }
        int character = key.character().codePointAt(0);
        boolean plain = (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9');
        return plain ? "key-" + key.character() : String.format("key-u%04x", character);
    }
}
