package dev.concierge.assistant;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a conversation's dialogue stands, kept with the conversation in the database (as JSON) so that a restart
 * mid-booking loses nothing: the task under way, the slots filled so far, whether a summary awaits the guest's yes,
 * and how many messages in a row were not understood.
 */
public record DialogueState(
        @Nullable String task, Map<String, String> slots, boolean confirming, int misunderstandings, int turns) {
    public DialogueState {
        slots = Map.copyOf(slots);
    }

    public static DialogueState fresh() {
        return new DialogueState(null, Map.of(), false, 0, 0);
    }

    @Nullable
    String slot(String name) {
        return slots.get(name);
    }

    DialogueState withTask(@Nullable String newTask) {
        return new DialogueState(newTask, Map.of(), false, 0, turns);
    }

    DialogueState withSlot(String name, @Nullable String value) {
        Map<String, String> changed = new LinkedHashMap<>(slots);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new DialogueState(task, changed, confirming, misunderstandings, turns);
    }

    DialogueState confirming(boolean awaitingYes) {
        return new DialogueState(task, slots, awaitingYes, misunderstandings, turns);
    }

    DialogueState understood(boolean understood) {
        return new DialogueState(task, slots, confirming, understood ? 0 : misunderstandings + 1, turns);
    }

    DialogueState nextTurn() {
        return new DialogueState(task, slots, confirming, misunderstandings, turns + 1);
    }

    /** The state after a task ends: nothing under way, the turn count kept (it makes request keys unique). */
    DialogueState done() {
        return new DialogueState(null, Map.of(), false, 0, turns);
    }
}
