package dev.concierge.kiosk;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys of the on-screen keyboard in one language: digits, letters (Spanish with ñ), and an accents layer that
 * both languages share (á é í ó ú ü ñ ¿ ¡), since an English-speaking guest may still type a Spanish name.
 */
final class KeyboardLayout {
    /** What a key does. */
    enum Kind {
        CHARACTER,
        SHIFT,
        ACCENTS,
        BACKSPACE,
        SPACE,
        SEND
    }

    /** One key: a character to type, or an action. */
    record Key(Kind kind, String character) {
        static Key of(String character) {
            return new Key(Kind.CHARACTER, character);
        }

        static Key action(Kind kind) {
            return new Key(kind, kind == Kind.SPACE ? " " : "");
        }
    }

    private KeyboardLayout() {}

    /** The rows of keys for {@code language}, letters or the accents layer. */
    static List<List<Key>> rows(Language language, boolean accents) {
        List<List<Key>> rows = new ArrayList<>();
        List<Key> digits = keys("1 2 3 4 5 6 7 8 9 0");
        digits.add(Key.action(Kind.BACKSPACE));
        rows.add(digits);
        if (accents) {
            rows.add(keys("á é í ó ú ü ñ ¿ ¡ ? !"));
            rows.add(keys(", ; : - ' \" ( ) / € +"));
        } else {
            rows.add(keys("q w e r t y u i o p"));
            rows.add(keys(language == Language.SPANISH ? "a s d f g h j k l ñ" : "a s d f g h j k l '"));
        }
        List<Key> last = new ArrayList<>();
        last.add(Key.action(Kind.SHIFT));
        last.addAll(accents ? keys("@ .") : keys("z x c v b n m @ ."));
        last.add(Key.action(Kind.SPACE));
        last.add(Key.action(Kind.ACCENTS));
        last.add(Key.action(Kind.SEND));
        rows.add(last);
        return List.copyOf(rows.stream().map(List::copyOf).toList());
    }

    private static List<Key> keys(String spaced) {
        List<Key> keys = new ArrayList<>();
        for (String character : spaced.split(" ")) {
            keys.add(Key.of(character));
        }
        return keys;
    }
}
