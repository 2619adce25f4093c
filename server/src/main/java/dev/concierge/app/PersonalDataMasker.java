package dev.concierge.app;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.List;
import java.util.regex.Pattern;
import net.logstash.logback.mask.RegexValueMasker;
import net.logstash.logback.mask.ValueMasker;
import org.jspecify.annotations.Nullable;

/**
 * Masks personal data in every string value of a log line (configured in {@code logback.xml}): e-mail addresses,
 * card-like numbers and phone numbers become {@value #MASK}.
 *
 * <p>The same four patterns as the encoder's own {@code <value>} masking, applied the same way one after another, but
 * only to a value that could hold one of them: every pattern needs an {@code @} or at least
 * {@value #FEWEST_DIGITS} digits. Most values of a line (the level, the logger, the thread, a request's method, route and
 * message) have neither, and running the four expressions over each of them was most of the cost of a request's log
 * line.
 */
public final class PersonalDataMasker implements ValueMasker {
    static final String MASK = "[REDACTED]";

    /** The fewest digits any pattern without {@code @} matches: an international phone number's seven. */
    static final int FEWEST_DIGITS = 7;

    private static final List<RegexValueMasker> PATTERNS = List.of(
            // e-mail addresses
            masker("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
            // card-like numbers: 13 to 19 digits, optionally grouped by spaces or dashes
            masker("(?<![-\\w.:])\\d(?:[ -]?\\d){12,18}(?![-\\w.:])"),
            // international phone numbers: + and 7 to 15 digits with spaces, dots, dashes or brackets
            masker("\\+\\(?\\d(?:[ ().-]{0,2}\\d){6,14}"),
            // national phone numbers: 9 to 13 digits, grouped by single spaces, dots or dashes
            // (a date has 8 digits, so 2026-03-10 stays readable)
            masker("(?<![-\\w.:/])\\d(?:[ .-]?\\d){8,12}(?![-\\w.:/])"));

    private static RegexValueMasker masker(String regex) {
        return new RegexValueMasker(Pattern.compile(regex), MASK);
    }

    @Override
    public @Nullable Object mask(@Nullable JsonStreamContext context, Object value) {
        if (!(value instanceof CharSequence text) || !mayHoldPersonalData(text)) {
            return null;
        }
        Object current = value;
        for (RegexValueMasker pattern : PATTERNS) {
            Object masked = pattern.mask(context, current);
            if (masked != null) {
                current = masked;
            }
        }
        return current == value ? null : current;
    }

    /** {@code text} with every e-mail address, card-like and phone number in it masked. */
    static String masked(String text) {
        Object masked = new PersonalDataMasker().mask(null, text);
        return masked == null ? text : masked.toString();
    }

    /** False only when no pattern can match: no {@code @} and fewer than {@value #FEWEST_DIGITS} ASCII digits. */
    static boolean mayHoldPersonalData(CharSequence text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@' || (c >= '0' && c <= '9' && ++digits >= FEWEST_DIGITS)) {
                return true;
            }
        }
        return false;
    }
}
