package dev.concierge.kiosk;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;

/**
 * The guest's own settings for the chat screen: the accessibility mode (replies and the idle warning read aloud,
 * larger text), the text size, the wheelchair-reach layout (every control in the lower half) and the on-screen
 * keyboard. Every one of them goes back to its default when the conversation starts over: the next guest may not
 * need them, and they would tell the next guest something about the last one.
 */
final class AccessibilityViewModel {
    private final ChatViewModel chat;
    private final Speech speech;
    private final Chime chime;
    private final OnScreenKeyboard keyboard = new OnScreenKeyboard();

    private final BooleanProperty accessibilityMode = new SimpleBooleanProperty(this, "accessibilityMode");
    private final ObjectProperty<TextSize> textSize = new SimpleObjectProperty<>(this, "textSize", TextSize.NORMAL);
    private final BooleanProperty reachLayout = new SimpleBooleanProperty(this, "reachLayout");
    private final BooleanProperty keyboardShown = new SimpleBooleanProperty(this, "keyboardShown");

    AccessibilityViewModel(ChatViewModel chat, Speech speech, Chime chime) {
        this.chat = chat;
        this.speech = speech;
        this.chime = chime;
        chat.transcript().addListener((ListChangeListener<ChatViewModel.Entry>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    change.getAddedSubList().forEach(this::readAloud);
                }
            }
        });
        chat.countingDownProperty().addListener((observable, was, now) -> {
            if (now && !was) {
                warn();
            }
        });
        chat.languageProperty().addListener((observable, before, now) -> keyboard.useLanguage(now));
        keyboard.useLanguage(chat.getLanguage());
        chat.whenStartingOver(this::reset);
    }

    /** The large accessibility button: on, it reads aloud and makes the text larger; off, it stops speaking. */
    void toggleAccessibilityMode() {
        chat.touch();
        boolean on = !accessibilityMode.get();
        accessibilityMode.set(on);
        if (on) {
            if (textSize.get() == TextSize.NORMAL) {
                textSize.set(TextSize.LARGE);
            }
            Texts texts = chat.getTexts();
            speech.say(texts.get("access.spokenOn") + " " + texts.get("prompt"), chat.getLanguage());
        } else {
            speech.stop();
        }
    }

    void nextTextSize() {
        chat.touch();
        textSize.set(textSize.get().next());
    }

    void toggleReachLayout() {
        chat.touch();
        reachLayout.set(!reachLayout.get());
    }

    void toggleKeyboard() {
        chat.touch();
        keyboardShown.set(!keyboardShown.get());
    }

    void showKeyboard() {
        keyboardShown.set(true);
    }

    void hideKeyboard() {
        keyboardShown.set(false);
    }

    private void readAloud(ChatViewModel.Entry entry) {
        if (!accessibilityMode.get() || entry.role() == ChatViewModel.Role.GUEST) {
            return;
        }
        ConfirmationCard card = entry.card();
        String text = card == null
                ? entry.text()
                : String.join(". ", card.title(), card.reference(), card.what(), card.when());
        speech.say(text, chat.getLanguage());
    }

    private void warn() {
        chime.play();
        if (accessibilityMode.get()) {
            Texts texts = chat.getTexts();
            speech.say(
                    texts.get("idle.title") + " "
                            + texts.get(
                                    "idle.countdown",
                                    Math.max(1, chat.secondsLeftProperty().get())),
                    chat.getLanguage());
        }
    }

    private void reset() {
        speech.stop();
        accessibilityMode.set(false);
        textSize.set(TextSize.NORMAL);
        reachLayout.set(false);
        keyboardShown.set(false);
        keyboard.reset();
    }

    OnScreenKeyboard keyboard() {
        return keyboard;
    }

    BooleanProperty accessibilityModeProperty() {
        return accessibilityMode;
    }

    ObjectProperty<TextSize> textSizeProperty() {
        return textSize;
    }

    BooleanProperty reachLayoutProperty() {
        return reachLayout;
    }

    BooleanProperty keyboardShownProperty() {
        return keyboardShown;
    }
}
