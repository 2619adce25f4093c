package dev.concierge.assistant.local;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Plain words of a message: lower case, accents off, split on anything that is not a letter or a digit. */
final class Words {
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Numbers said in words, in both languages. */
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("one", 1),
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("two", 2),
            Map.entry("couple", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("un", 1),
            Map.entry("uno", 1),
            Map.entry("una", 1),
            Map.entry("dos", 2),
            Map.entry("tres", 3),
            Map.entry("cuatro", 4),
            Map.entry("cinco", 5),
            Map.entry("seis", 6),
            Map.entry("siete", 7),
            Map.entry("ocho", 8),
            Map.entry("nueve", 9),
            Map.entry("diez", 10),
            Map.entry("once", 11),
            Map.entry("doce", 12));

    private Words() {}

    static String plain(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    static List<String> split(String text) {
        return List.of(SEPARATORS.split(plain(text).strip())).stream()
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** The number a word says ("4", "four", "cuatro"), or null; "a"/"un" count as one only where asked. */
    static @Nullable Integer number(String word, boolean articlesCount) {
        if (word.chars().allMatch(Character::isDigit) && !word.isEmpty() && word.length() <= 3) {
            return Integer.parseInt(word);
        }
        if (!articlesCount && List.of("a", "an", "un", "una", "once").contains(word)) {
            return null; // "a massage", "una mesa", and Spanish "once" read as numbers only where a count is asked
        }
        return NUMBERS.get(word);
    }
}
