package dev.concierge.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Thrown when a request cannot exist as given; carries one message per bad field (the 400 of the error contract). */
public final class InvalidFieldsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    public InvalidFieldsException(Map<String, String> fields) {
        super("Invalid " + String.join(", ", fields.keySet()));
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static InvalidFieldsException of(String field, String message) {
        return new InvalidFieldsException(Map.of(field, message));
    }

    public Map<String, String> fields() {
        return fields;
    }
}
