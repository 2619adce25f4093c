package dev.concierge.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A conversation in the console's inbox ({@code GET /api/staff/conversations?status=}). */
public record ConversationSummary(
        String id,
        String channel,
        String status,
        @Nullable String language,
        Instant lastMessageAt,
        @Nullable String lastMessage,
        @Nullable Long contactId) {}
