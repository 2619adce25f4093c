package dev.concierge.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/chat/{id}}: a conversation as the guest saw it, for a page reload. */
public record Transcript(
        String conversationId, String status, @Nullable String language, List<Line> messages) {
    public Transcript {
        messages = List.copyOf(messages);
    }

    /** One message: who said it ({@code guest}, {@code assistant}, {@code staff}), what, in which language, when. */
    public record Line(String role, String text, @Nullable String language, Instant at) {}
}
