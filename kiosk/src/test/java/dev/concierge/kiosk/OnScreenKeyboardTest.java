package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnScreenKeyboardTest {
    private final OnScreenKeyboard keyboard = new OnScreenKeyboard();

    @Test
    void spanishLettersHaveEnyeAndEnglishOnesDoNot() {
        assertTrue(characters(Language.SPANISH, false).contains("ñ"));
        assertFalse(characters(Language.ENGLISH, false).contains("ñ"));
    }

    @Test
    void bothLanguagesOfferAccentedVowelsAndSpanishMarksOnTheAccentsLayer() {
        for (Language language : Language.values()) {
            List<String> accents = characters(language, true);
            for (String mark : List.of("á", "é", "í", "ó", "ú", "ü", "ñ", "¿", "¡", "@", ".")) {
                assertTrue(accents.contains(mark), language + " lacks " + mark);
            }
        }
    }

    @Test
    void everyLayoutHasDigitsAtAndDotForEmailsAndTheActionKeys() {
        for (Language language : Language.values()) {
            for (boolean accents : List.of(false, true)) {
                List<KeyboardLayout.Key> keys = KeyboardLayout.rows(language, accents).stream()
                        .flatMap(List::stream)
                        .toList();
                for (String digit : "1 2 3 4 5 6 7 8 9 0 @ .".split(" ")) {
                    assertTrue(keys.contains(KeyboardLayout.Key.of(digit)), digit);
                }
                for (KeyboardLayout.Kind kind : KeyboardLayout.Kind.values()) {
                    assertTrue(keys.stream().anyMatch(key -> key.kind() == kind), kind.name());
                }
            }
        }
    }

    @Test
    void typesMananaWithShiftForTheCapitalOnly() {
        keyboard.useLanguage(Language.SPANISH);
        OnScreenKeyboard.Edit edit = OnScreenKeyboard.Edit.at("", 0);
        edit = keyboard.press(KeyboardLayout.Key.action(KeyboardLayout.Kind.SHIFT), edit);
        for (String letter : List.of("m", "a", "ñ", "a", "n", "a")) {
            edit = keyboard.press(KeyboardLayout.Key.of(letter), edit);
        }
        assertEquals(OnScreenKeyboard.Edit.at("Mañana", 6), edit);
        assertFalse(keyboard.shift());
    }

    @Test
    void typesAtTheCaretAndOverTheSelection() {
        OnScreenKeyboard.Edit atCaret = keyboard.press(KeyboardLayout.Key.of("x"), OnScreenKeyboard.Edit.at("abc", 1));
        assertEquals(OnScreenKeyboard.Edit.at("axbc", 2), atCaret);

        OnScreenKeyboard.Edit overSelection = keyboard.press(
                KeyboardLayout.Key.action(KeyboardLayout.Kind.SPACE), new OnScreenKeyboard.Edit("abcd", 3, 1));
        assertEquals(OnScreenKeyboard.Edit.at("a d", 2), overSelection);
    }

    @Test
    void backspaceDeletesBeforeTheCaretOrTheSelectionAndNothingAtTheStart() {
        KeyboardLayout.Key backspace = KeyboardLayout.Key.action(KeyboardLayout.Kind.BACKSPACE);
        assertEquals(OnScreenKeyboard.Edit.at("ac", 1), keyboard.press(backspace, OnScreenKeyboard.Edit.at("abc", 2)));
        assertEquals(
                OnScreenKeyboard.Edit.at("ad", 1), keyboard.press(backspace, new OnScreenKeyboard.Edit("abcd", 1, 3)));
        assertEquals(OnScreenKeyboard.Edit.at("abc", 0), keyboard.press(backspace, OnScreenKeyboard.Edit.at("abc", 0)));
    }

    @Test
    void shiftShowsCapitalsAndTheAccentsKeySwitchesLayersAndBack() {
        keyboard.press(KeyboardLayout.Key.action(KeyboardLayout.Kind.SHIFT), OnScreenKeyboard.Edit.at("", 0));
        assertEquals("É", keyboard.label(KeyboardLayout.Key.of("é")));

        keyboard.press(KeyboardLayout.Key.action(KeyboardLayout.Kind.ACCENTS), OnScreenKeyboard.Edit.at("", 0));
        assertTrue(keyboard.rows().stream()
                .flatMap(List::stream)
                .anyMatch(key -> key.character().equals("á")));
        keyboard.reset();
        assertFalse(keyboard.accents());
        assertFalse(keyboard.shift());
    }

    @Test
    void sendLeavesTheTextForTheChat() {
        OnScreenKeyboard.Edit before = OnScreenKeyboard.Edit.at("hola", 4);
        assertEquals(before, keyboard.press(KeyboardLayout.Key.action(KeyboardLayout.Kind.SEND), before));
    }

    private static List<String> characters(Language language, boolean accents) {
        return KeyboardLayout.rows(language, accents).stream()
                .flatMap(List::stream)
                .filter(key -> key.kind() == KeyboardLayout.Kind.CHARACTER)
                .map(KeyboardLayout.Key::character)
                .toList();
    }

    @Test
    void everyKeyHasItsOwnIdAsciiEvenForAccentsAndPunctuation() {
        for (Language language : Language.values()) {
            for (boolean accents : new boolean[] {false, true}) {
                List<String> ids = KeyboardLayout.rows(language, accents).stream()
                        .flatMap(List::stream)
                        .map(OnScreenKeyboardView::id)
                        .toList();
                assertEquals(ids.size(), new HashSet<>(ids).size(), ids.toString());
                assertTrue(ids.stream().allMatch(id -> id.matches("key-[a-z0-9]+")), ids.toString());
            }
        }
        assertEquals("key-u00f1", OnScreenKeyboardView.id(KeyboardLayout.Key.of("ñ")));
        assertEquals("key-a", OnScreenKeyboardView.id(KeyboardLayout.Key.of("a")));
        assertEquals("key-send", OnScreenKeyboardView.id(KeyboardLayout.Key.action(KeyboardLayout.Kind.SEND)));
    }
}
