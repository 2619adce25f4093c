package dev.concierge.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.concierge.api.InvalidFieldsException;
import io.javalin.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import org.jspecify.annotations.NonNull;

/**
 * Javalin's JSON through the one {@link ObjectMapper} of the contract. An empty or {@code null} body is an invalid
 * request, never a {@code null} handed to a route.
 */
final class ContractJsonMapper implements JsonMapper {
    private final ObjectMapper json;

    ContractJsonMapper(ObjectMapper json) {
        // request bodies only: what the server writes and stores keeps the shared mapper as it is
        this.json = json.copy()
                .registerModule(
                        new SimpleModule("plain-text").addDeserializer(String.class, new PlainTextDeserializer()));
    }

    @Override
    public @NonNull String toJsonString(@NonNull Object obj, @NonNull Type type) {
        try {
            return json.writerFor(json.constructType(type)).writeValueAsString(obj);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer as JSON", e);
        }
    }

    @Override
    public <T> @NonNull T fromJsonString(@NonNull String text, @NonNull Type type) {
        if (text.isBlank()) {
            throw InvalidFieldsException.of("body", "is required: send a JSON object");
        }
        try {
            T value = json.readValue(text, json.constructType(type));
            if (value == null) {
                throw InvalidFieldsException.of("body", "must be a JSON object, not null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException(e);
        }
    }

    @Override
    public <T> @NonNull T fromJsonStream(@NonNull InputStream stream, @NonNull Type type) {
        try {
            return fromJsonString(new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body Jackson could not read; the error mapper turns the cause into per-field messages. */
    static final class MalformedBodyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedBodyException(JsonProcessingException cause) {
            super(cause);
        }
    }
}
