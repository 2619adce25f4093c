package dev.concierge.assistant.local;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Numbers said in words, folded: zero to fifty-nine in English (twenty-one written with a hyphen) and cero to
 * veintinueve, treinta, cuarenta and cincuenta in Spanish. Articles ("a", "un", "una") are not numbers here: whether
 * "una" means one depends on the phrase, which the readers decide.
 */
final class NumberWords {
    private static final List<String> ENGLISH_UNITS = CommonWords.listOf("""
            zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
            sixteen seventeen eighteen nineteen
            """);
    private static final List<String> ENGLISH_TENS = List.of("twenty", "thirty", "forty", "fifty");
    private static final List<String> SPANISH_UNITS = CommonWords.listOf("""
            cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciseis
            diecisiete dieciocho diecinueve veinte veintiuno veintidos veintitres veinticuatro veinticinco
            veintiseis veintisiete veintiocho veintinueve
            """);
    private static final Map<String, Integer> SPANISH_TENS = Map.of("treinta", 30, "cuarenta", 40, "cincuenta", 50);

    private static final Map<String, Integer> VALUES = values();

    private NumberWords() {}

    private static Map<String, Integer> values() {
        Map<String, Integer> values = new HashMap<>();
        for (int i = 0; i < ENGLISH_UNITS.size(); i++) {
            values.put(ENGLISH_UNITS.get(i), i);
        }
        for (int t = 0; t < ENGLISH_TENS.size(); t++) {
            int tens = 20 + 10 * t;
            values.put(ENGLISH_TENS.get(t), tens);
            for (int unit = 1; unit <= 9; unit++) {
                values.put(ENGLISH_TENS.get(t) + "-" + ENGLISH_UNITS.get(unit), tens + unit);
            }
        }
        for (int i = 0; i < SPANISH_UNITS.size(); i++) {
            values.put(SPANISH_UNITS.get(i), i);
        }
        values.put("veintiun", 21);
        values.put("veintiuna", 21);
        values.putAll(SPANISH_TENS);
        return Map.copyOf(values);
    }

    /**
     * The number a folded word says, or null. "once" is eleven only in Spanish (in English it is "one time").
     */
    static @Nullable Integer valueOf(String word, String language) {
        if (word.equals("once")) {
            return language.equals("es") ? 11 : null;
        }
        return VALUES.get(word);
    }

    /** Whether a word is a Spanish ten that takes "y" and a unit, as in "treinta y uno". */
    static @Nullable Integer spanishTens(String word) {
        return SPANISH_TENS.get(word);
    }

    /** Whether a word is an English ten that may be followed by a unit, as in "twenty one". */
    static boolean isEnglishTens(String word) {
        return ENGLISH_TENS.contains(word);
    }
}
