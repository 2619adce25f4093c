package dev.concierge.api;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/chat} (DESIGN.md): a guest's message, in a conversation the client keeps the id of (none for the
 * first message), with the language the guest chose if they chose one.
 */
public record ChatRequest(
        @Nullable String conversationId,
        String message,
        @Nullable String language,
        String channel) {
    public static final int MAX_MESSAGE_LENGTH = 2000;
    public static final Set<String> CHANNELS = Set.of("web", "kiosk", "api");
    public static final Set<String> LANGUAGES = Set.of("en", "es");

    public ChatRequest {
        FieldChecks.start()
                .require("message", message)
                .maxLength("message", message, MAX_MESSAGE_LENGTH)
                .maxLength("conversationId", conversationId, 36)
                .check(language == null || LANGUAGES.contains(language), "language", "must be en or es")
                .require("channel", channel)
                .check(channel == null || CHANNELS.contains(channel), "channel", "must be web, kiosk or api")
                .orThrow();
        message = message.strip();
    }
}
