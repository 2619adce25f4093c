package dev.concierge.assistant;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a conversation's dialogue stands, kept with the conversation in the database (as JSON) so that a restart
 * mid-booking loses nothing: the task under way, the slots filled so far, whether a summary awaits the guest's yes,
 * and how many messages in a row were not understood.
 *
 * <p>Tasks and their slots (all values strings; dates {@code yyyy-MM-dd}, times {@code HH:mm}, venue-local):
 * <ul>
 *   <li>{@code book_service}: service (id), date, time, party, name, email, phone;
 *   <li>{@code book_room}: room (room type id), checkIn, checkOut, guests, name, email, phone;
 *   <li>{@code manage_booking}: reference, email or phone (must match the booking's contact), action
 *       ({@code cancel} or {@code change}), and for a change date and time (a service) or date (the new arrival)
 *       and checkOut (a stay);
 *   <li>{@code order}: items ({@code id:quantity,...}), place ({@code room:12} or {@code table:5}), payment
 *       ({@code room}, {@code desk}, {@code card}), name, email, phone;
 *   <li>{@code lead}: name, email, phone, intent, notes, consent ({@code yes} or {@code no}).
 * </ul>
 * The slot {@code key} holds the request key of the summary awaiting a yes.
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
    public String slot(String name) {
        return slots.get(name);
    }

    public DialogueState withTask(@Nullable String newTask) {
        return new DialogueState(newTask, Map.of(), false, 0, turns);
    }

    public DialogueState withSlot(String name, @Nullable String value) {
        Map<String, String> changed = new LinkedHashMap<>(slots);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new DialogueState(task, changed, confirming, misunderstandings, turns);
    }

    public DialogueState confirming(boolean awaitingYes) {
        return new DialogueState(task, slots, awaitingYes, misunderstandings, turns);
    }

    public DialogueState understood(boolean understood) {
        return new DialogueState(task, slots, confirming, understood ? 0 : misunderstandings + 1, turns);
    }

    public DialogueState nextTurn() {
        return new DialogueState(task, slots, confirming, misunderstandings, turns + 1);
    }

    /** The state after a task ends: nothing under way, the turn count kept (it makes request keys unique). */
    public DialogueState done() {
        return new DialogueState(null, Map.of(), false, 0, turns);
    }
}
