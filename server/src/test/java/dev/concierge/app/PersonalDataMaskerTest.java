package dev.concierge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The masker's shortcut never lets through what the four expressions alone would have masked. */
class PersonalDataMaskerTest {
    /** The slow way: the four expressions of the encoder's former {@code <value>} masking, one after another. */
    private static final List<Pattern> ORACLE = List.of(
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
            Pattern.compile("(?<![-\\w.:])\\d(?:[ -]?\\d){12,18}(?![-\\w.:])"),
            Pattern.compile("\\+\\(?\\d(?:[ ().-]{0,2}\\d){6,14}"),
            Pattern.compile("(?<![-\\w.:/])\\d(?:[ .-]?\\d){8,12}(?![-\\w.:/])"));

    private final PersonalDataMasker masker = new PersonalDataMasker();

    private static String oracle(String text) {
        String masked = text;
        for (Pattern pattern : ORACLE) {
            masked = pattern.matcher(masked).replaceAll(PersonalDataMasker.MASK);
        }
        return masked;
    }

    private String masked(String text) {
        Object result = masker.mask(null, text);
        return result == null ? text : result.toString();
    }

    @Test
    void masksWhatTheExpressionsMaskOnRandomText() {
        Random random = new Random(42);
        String alphabet = "0123456789 +-.()@:/ab_xZ";
        for (int round = 0; round < 200_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                // mostly digits and separators: the shapes of phone and card numbers, dates and times
                text.append(alphabet.charAt(random.nextInt(random.nextInt(4) == 0 ? alphabet.length() : 15)));
            }
            String sample = text.toString();
            assertEquals(oracle(sample), masked(sample), sample);
        }
    }

    @Test
    void masksTheUsualShapes() {
        for (String sample : List.of(
                "ana.perez@example.com",
                "call +34 971 123 456 today",
                "+1 (555) 010-0199",
                "612 345 678",
                "4242 4242 4242 4242",
                "4242-4242-4242-4242")) {
            assertEquals(oracle(sample), masked(sample), sample);
            assertEquals(true, masked(sample).contains(PersonalDataMasker.MASK), sample);
        }
    }

    @Test
    void leavesValuesWithoutAtSignOrSevenDigitsAlone() {
        for (String sample : List.of(
                "2026-03-10T12:00:00.000Z", "POST /api/chat 200 3ms", "qtp123456-42", "dev.concierge.web.WebServer")) {
            assertEquals(oracle(sample), masked(sample), sample);
        }
        assertNull(masker.mask(null, "POST /api/chat 200 3ms"));
        assertNull(masker.mask(null, 42));
    }
}
