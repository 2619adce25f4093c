package dev.concierge.assistant;

import dev.concierge.api.BookingView;
import dev.concierge.api.OrderView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the assistant answers to one message, the dialogue's state after it, and the facts about the turn that the
 * venue's reports are computed from.
 */
public record Turn(
        String reply,
        List<String> quickReplies,
        boolean handoff,
        DialogueState state,
        @Nullable BookingView booking,
        @Nullable OrderView order,
        Facts facts) {
    public Turn {
        quickReplies = List.copyOf(quickReplies);
    }

    public Turn(
            String reply,
            List<String> quickReplies,
            boolean handoff,
            DialogueState state,
            @Nullable BookingView booking,
            @Nullable OrderView order) {
        this(reply, quickReplies, handoff, state, booking, order, Facts.NONE);
    }

    /**
     * What a turn did, for the reports: the knowledge entry it answered from, a question it could not answer, why it
     * handed over, the task it completed or the one the guest left (and the slot it was asking for then), the contact
     * it recorded, and the slot it asks for now.
     */
    public record Facts(
            @Nullable String knowledgeId,
            boolean unanswered,
            @Nullable String handoffReason,
            @Nullable String completedTask,
            @Nullable String abandonedTask,
            @Nullable String stoppedAt,
            @Nullable Long contactId,
            @Nullable String asking) {
        public static final Facts NONE = new Facts(null, false, null, null, null, null, null, null);

        public static Facts answered(String knowledgeId) {
            return new Facts(knowledgeId, false, null, null, null, null, null, null);
        }

        public static Facts handedOff(String reason) {
            return new Facts(null, false, reason, null, null, null, null, null);
        }

        Facts markedUnanswered() {
            return new Facts(
                    knowledgeId, true, handoffReason, completedTask, abandonedTask, stoppedAt, contactId, asking);
        }

        Facts abandoned(String task, @Nullable String slot) {
            return new Facts(knowledgeId, unanswered, handoffReason, completedTask, task, slot, contactId, asking);
        }

        Facts askingFor(@Nullable String slot) {
            return new Facts(
                    knowledgeId, unanswered, handoffReason, completedTask, abandonedTask, stoppedAt, contactId, slot);
        }
    }

    public Turn with(Facts newFacts) {
        return new Turn(reply, quickReplies, handoff, state, booking, order, newFacts);
    }

    static Turn say(String reply, DialogueState state, String... quickReplies) {
        return new Turn(reply, List.of(quickReplies), false, state, null, null);
    }

    /** A task done: the booking or order it made, and the dialogue free for the next one. */
    static Turn done(
            String reply, DialogueState state, @Nullable BookingView booking, @Nullable OrderView order, String task) {
        Long contactId = booking != null ? booking.contactId() : order != null ? order.contactId() : null;
        return new Turn(
                reply,
                List.of(),
                false,
                state.done(),
                booking,
                order,
                new Facts(null, false, null, task, null, null, contactId, null));
    }

    static Turn lead(String reply, DialogueState state, long contactId) {
        return new Turn(
                reply,
                List.of(),
                false,
                state.done(),
                null,
                null,
                new Facts(null, false, null, LeadForm.TASK, null, null, contactId, null));
    }
}
