package dev.concierge.kiosk;

import java.util.List;
import java.util.Locale;

/**
 * What the on-screen keyboard does to the message field, without a window: a key press changes the text and the
 * caret; Shift holds for one letter (as on a phone), the accents key switches to the accents layer and back.
 */
final class OnScreenKeyboard {
    /** The field's text, its selection anchor and caret, as before and after a key press. */
    record Edit(String text, int anchor, int caret) {
        Edit {
            anchor = Math.max(0, Math.min(anchor, text.length()));
            caret = Math.max(0, Math.min(caret, text.length()));
        }

        static Edit at(String text, int caret) {
            return new Edit(text, caret, caret);
        }

        /** Where the selection (or the caret, when nothing is selected) starts. */
        int start() {
            return Math.min(anchor, caret);
        }

        int end() {
            return Math.max(anchor, caret);
        }
    }

    private Language language = Language.ENGLISH;
    private boolean shift;
    private boolean accents;

    /** The keys to show now, in the guest's language and layer. */
    List<List<KeyboardLayout.Key>> rows() {
        return KeyboardLayout.rows(language, accents);
    }

    /** What a key shows: letters in capitals while Shift holds. */
    String label(KeyboardLayout.Key key) {
        return shift ? key.character().toUpperCase(language.locale()) : key.character();
    }

    /** Presses {@code key} on the field as it is ({@code before}); Send leaves it for the chat to send. */
    Edit press(KeyboardLayout.Key key, Edit before) {
        switch (key.kind()) {
            case SHIFT -> {
                shift = !shift;
                return before;
            }
            case ACCENTS -> {
                accents = !accents;
                return before;
            }
            case SEND -> {
                return before;
            }
            case BACKSPACE -> {
                return backspace(before);
            }
            default -> {
                String typed = label(key);
                if (key.kind() == KeyboardLayout.Kind.CHARACTER) {
                    shift = false;
                }
                return insert(before, typed);
            }
        }
    }

    void useLanguage(Language chosen) {
        language = chosen;
    }

    boolean shift() {
        return shift;
    }

    boolean accents() {
        return accents;
    }

    /** Back to letters, no Shift: for the next guest. */
    void reset() {
        shift = false;
        accents = false;
    }

    private static Edit insert(Edit before, String typed) {
        int from = before.start();
        int to = before.end();
        String text = before.text().substring(0, from) + typed + before.text().substring(to);
        return Edit.at(text, from + typed.length());
    }

    private static Edit backspace(Edit before) {
        int from = before.start();
        int to = before.end();
        if (from != to) {
            return Edit.at(before.text().substring(0, from) + before.text().substring(to), from);
        }
        if (from == 0) {
            return before;
        }
        int start = before.text().offsetByCodePoints(from, -1);
        return Edit.at(before.text().substring(0, start) + before.text().substring(from), start);
    }

    @Override
    public String toString() {
        return "OnScreenKeyboard[" + language.code().toUpperCase(Locale.ROOT) + ", shift=" + shift + "]";
    }
}
