package dev.concierge.console.inbox;

import dev.concierge.api.ConversationSummary;
import dev.concierge.console.Catalogue;
import dev.concierge.console.Formats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a guest wanted, in one line from the assistant's form ({@code task}, {@code slots}) and why a person was asked
 * for: "Wanted: book 60-minute massage · 2026-03-11 · 11:00 · party 2 · asked for a person".
 */
final class HandoffSummary {
    /** The slots in the order a person reads them; the others follow as the form has them. */
    private static final List<String> ORDER = List.of(
            "service", "room", "date", "time", "nights", "party", "guests", "items", "place", "payment", "name",
            "email", "phone");

    private HandoffSummary() {}

    static String of(ConversationSummary conversation, Catalogue catalogue) {
        List<String> parts = new ArrayList<>();
        Map<String, String> slots = new LinkedHashMap<>(conversation.slots());
        if (conversation.task() != null) {
            parts.add(task(conversation.task(), slots, catalogue));
        }
        for (String slot : ORDER) {
            String value = slots.remove(slot);
            if (value != null && !value.isBlank()) {
                parts.add(slot(slot, value));
            }
        }
        slots.forEach((slot, value) -> {
            if (!value.isBlank()) {
                parts.add(Formats.words(slot) + " " + value);
            }
        });
        String reason = reason(conversation.handoffReason());
        String wanted = parts.isEmpty() ? "" : "Wanted: " + String.join(" · ", parts);
        if (reason.isEmpty()) {
            return wanted.isEmpty() ? "No task under way." : wanted;
        }
        return wanted.isEmpty() ? capitalized(reason) : wanted + " · " + reason;
    }

    /** "book 60-minute massage": the service (or room type) goes with the task, not after it. */
    private static String task(String task, Map<String, String> slots, Catalogue catalogue) {
        return switch (task) {
            case "book_service" -> {
                String service = slots.remove("service");
                yield service == null ? "book a service" : "book " + catalogue.serviceName(service);
            }
            case "book_room" -> {
                String room = slots.remove("room");
                yield room == null ? "book a room" : "book " + catalogue.roomName(room);
            }
            case "order" -> "order from the menu";
            case "lead" -> "leave their details";
            case "change_booking" -> "change a booking";
            case "cancel_booking" -> "cancel a booking";
            default -> Formats.words(task);
        };
    }

    private static String slot(String slot, String value) {
        return switch (slot) {
            case "party" -> "party " + value;
            case "guests" -> value + " guests";
            case "nights" -> value + " nights";
            case "room" -> "room " + value;
            case "place" -> value.replace(':', ' ');
            case "payment" -> "pays by " + Formats.words(value);
            default -> value;
        };
    }

    private static String reason(@org.jspecify.annotations.Nullable String reason) {
        if (reason == null) {
            return "";
        }
        return switch (reason) {
            case "request" -> "asked for a person";
            case "frustration" -> "seemed frustrated";
            case "misunderstood" -> "the assistant did not understand";
            case "staff" -> "taken over by staff";
            default -> Formats.words(reason);
        };
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }
}
