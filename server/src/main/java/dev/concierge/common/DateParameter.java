package dev.concierge.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A venue-local day given as text ({@code 2026-03-10}) in a query parameter, read the one way every route reads it:
 * a problem is recorded under the parameter's name, for a 400 that names every bad field at once.
 */
public final class DateParameter {
    static final String NOT_A_DATE = "must be a date like 2026-03-10";

    private DateParameter() {}

    /** The day, or null when it was not given or is not a date (then the problem is recorded). */
    public static @Nullable LocalDate optional(String name, @Nullable String text, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.put(name, NOT_A_DATE);
            return null;
        }
    }

    /** The day; null with a problem recorded when it is missing or not a date. */
    public static @Nullable LocalDate required(String name, @Nullable String text, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            problems.put(name, "is required (YYYY-MM-DD)");
            return null;
        }
        return optional(name, text, problems);
    }
}
