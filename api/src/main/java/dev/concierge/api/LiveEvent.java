package dev.concierge.api;

import org.jspecify.annotations.Nullable;

/**
 * What {@code WS /api/chat/live?conversationId=} pushes: a new line of the conversation ({@code type} {@code
 * message}, with {@code line}: the guest's, the assistant's or staff's) or a change of its status ({@code type}
 * {@code status}: {@code handoff} when a person takes over, {@code open} when the assistant answers again). A widget
 * shows the staff lines (it already has the assistant's reply from {@code POST /api/chat}); the console shows all.
 */
public record LiveEvent(
        String type,
        String conversationId,
        Transcript.@Nullable Line line,
        @Nullable String status) {
    public static LiveEvent message(String conversationId, Transcript.Line line) {
        return new LiveEvent("message", conversationId, line, null);
    }

    public static LiveEvent status(String conversationId, String status) {
        return new LiveEvent("status", conversationId, null, status);
    }
}
