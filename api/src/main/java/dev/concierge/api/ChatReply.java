package dev.concierge.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The assistant's answer to one message (DESIGN.md). {@code quickReplies} are buttons the client may show;
 * {@code handoff} says a person answers from now on; {@code booking} and {@code order} are what the message just
 * committed, for a confirmation card.
 */
public record ChatReply(
        String conversationId,
        String reply,
        String language,
        List<String> quickReplies,
        boolean handoff,
        @Nullable BookingView booking,
        @Nullable OrderView order) {
    public ChatReply {
        quickReplies = List.copyOf(quickReplies);
    }
}
