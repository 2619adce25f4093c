package dev.concierge.assistant.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.crm.ContactKeys;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of one tool call, read as the dialogue's slots are written (dates {@code yyyy-MM-dd}, times
 * {@code HH:mm}). Anything the domain would not take is a {@link BadArgument} the model is told about; a missing or
 * null argument is simply not said yet.
 */
final class Arguments {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int LONGEST_TEXT = 1_000;

    private final JsonNode node;
    private final ContactKeys contacts;

    private Arguments(JsonNode node, ContactKeys contacts) {
        this.node = node;
        this.contacts = contacts;
    }

    static Arguments parse(String arguments, ObjectMapper json, ContactKeys contacts) {
        JsonNode node;
        try {
            node = json.readTree(arguments);
        } catch (JsonProcessingException e) {
            throw new BadArgument("the arguments are not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new BadArgument("the arguments must be a JSON object");
        }
        return new Arguments(node, contacts);
    }

    JsonNode node(String name) {
        return node.path(name);
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    @Nullable
    String text(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new BadArgument(name + " must be a string");
        }
        String text = value.asText().strip();
        if (text.length() > LONGEST_TEXT) {
            throw new BadArgument(name + " is longer than " + LONGEST_TEXT + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    String required(String name) {
        String text = text(name);
        if (text == null) {
            throw new BadArgument(name + " is required");
        }
        return text;
    }

    /** One of {@code known} (a catalogue id), or null when not given. */
    @Nullable
    String oneOf(String name, Collection<String> known) {
        String text = text(name);
        if (text != null && !known.contains(text)) {
            throw new BadArgument(name + " '" + text + "' is not one of " + String.join(", ", known));
        }
        return text;
    }

    @Nullable
    String date(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw new BadArgument(name + " '" + text + "' is not a date as YYYY-MM-DD");
        }
    }

    @Nullable
    String time(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            // "10:00" stays "10:00"; seconds, which no slot has, are refused rather than dropped
            LocalTime time = LocalTime.parse(text);
            if (time.getSecond() != 0 || time.getNano() != 0) {
                throw new BadArgument(name + " '" + text + "' must be HH:mm");
            }
            return time.toString();
        } catch (DateTimeParseException e) {
            throw new BadArgument(name + " '" + text + "' is not a time as HH:mm");
        }
    }

    /** A whole number from {@code min} to {@code max}, as the slot's text, or null when not given. */
    @Nullable
    String count(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || value.asLong() < min || value.asLong() > max) {
            throw new BadArgument(name + " must be a whole number from " + min + " to " + max);
        }
        return Long.toString(value.asLong());
    }

    @Nullable
    Boolean flag(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new BadArgument(name + " must be true or false");
        }
        return value.asBoolean();
    }

    @Nullable
    String email(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        if (!EMAIL.matcher(text).matches()) {
            throw new BadArgument(name + " is not an e-mail address");
        }
        return ContactKeys.email(text);
    }

    /** The phone in E.164, the venue's country assumed for a number without its code. */
    @Nullable
    String phone(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        String phone = contacts.phoneOrNull(text);
        if (phone == null) {
            throw new BadArgument(name + " is not a phone number; ask for it with the country code");
        }
        return phone;
    }

    /** What the model is told when an argument cannot be used: what is wrong, never a stack trace. */
    static final class BadArgument extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadArgument(String message) {
            super(message);
        }
    }
}
