package dev.concierge.assistant;

import dev.concierge.api.BookingView;
import dev.concierge.api.OrderView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the assistant answers to one message, and the dialogue's state after it. */
public record Turn(
        String reply,
        List<String> quickReplies,
        boolean handoff,
        DialogueState state,
        @Nullable BookingView booking,
        @Nullable OrderView order) {
    public Turn {
        quickReplies = List.copyOf(quickReplies);
    }

    static Turn say(String reply, DialogueState state, String... quickReplies) {
        return new Turn(reply, List.of(quickReplies), false, state, null, null);
    }
}
