package dev.concierge.api;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A conversation in the console's inbox ({@code GET /api/staff/conversations?status=}). {@code task} and
 * {@code slots} say what the guest wanted and what the assistant had filled in so far (DialogueState's names:
 * {@code book_service} with service, date, time, party, name, …), so staff can finish it; {@code handoffReason}
 * why a person was asked for ({@code request}, {@code frustration}, {@code misunderstood}, {@code staff}).
 */
public record ConversationSummary(
        String id,
        String channel,
        String status,
        @Nullable String language,
        Instant lastMessageAt,
        @Nullable String lastMessage,
        @Nullable Long contactId,
        @Nullable String task,
        Map<String, String> slots,
        @Nullable String handoffReason) {
    public ConversationSummary {
        slots = slots == null ? Map.of() : Map.copyOf(slots);
    }

    /** A conversation with no task under way. */
    public ConversationSummary(
            String id,
            String channel,
            String status,
            @Nullable String language,
            Instant lastMessageAt,
            @Nullable String lastMessage,
            @Nullable Long contactId) {
        this(id, channel, status, language, lastMessageAt, lastMessage, contactId, null, Map.of(), null);
    }
}
