package dev.concierge.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Collects every problem of a request before failing, so a person fixing a form sees all bad fields at once.
 * Records call it from their compact constructor.
 */
public final class FieldChecks {
    private final Map<String, String> problems = new LinkedHashMap<>();

    public static FieldChecks start() {
        return new FieldChecks();
    }

    public FieldChecks require(String field, @Nullable Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.putIfAbsent(field, "is required");
        }
        return this;
    }

    public FieldChecks maxLength(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            problems.putIfAbsent(field, "must be at most " + max + " characters");
        }
        return this;
    }

    public FieldChecks notEmpty(String field, @Nullable Collection<?> value) {
        if (value == null || value.isEmpty()) {
            problems.putIfAbsent(field, "must not be empty");
        }
        return this;
    }

    /** Records a problem when {@code ok} is false. */
    public FieldChecks check(boolean ok, String field, String message) {
        if (!ok) {
            problems.putIfAbsent(field, message);
        }
        return this;
    }

    public boolean hasProblem(String field) {
        return problems.containsKey(field);
    }

    public void orThrow() {
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }
}
