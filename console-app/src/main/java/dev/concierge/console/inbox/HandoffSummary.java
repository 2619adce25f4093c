package dev.concierge.console.inbox;

import dev.concierge.api.ConversationSummary;
import dev.concierge.console.Catalogue;
import dev.concierge.console.Formats;
import dev.concierge.console.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a guest wanted, in one line from the assistant's form ({@code task}, {@code slots}) and why a person was asked
 * for: "Wanted: book 60-minute massage · 2026-03-11 · 11:00 · party 2 · asked for a person", in the words of the
 * console's language ("Quiere: reservar …" in Spanish).
 */
final class HandoffSummary {
    /** The slots in the order a person reads them; the others follow as the form has them. */
    private static final List<String> ORDER = List.of(
            "service", "room", "date", "time", "nights", "party", "guests", "items", "place", "payment", "name",
            "email", "phone");

    private HandoffSummary() {}

    static String of(ConversationSummary conversation, Catalogue catalogue, Texts texts) {
        List<String> parts = new ArrayList<>();
        Map<String, String> slots = new LinkedHashMap<>(conversation.slots());
        if (conversation.task() != null) {
            parts.add(task(conversation.task(), slots, catalogue, texts));
        }
        for (String slot : ORDER) {
            String value = slots.remove(slot);
            if (value != null && !value.isBlank()) {
                parts.add(slot(slot, value, texts));
            }
        }
        slots.forEach((slot, value) -> {
            if (!value.isBlank()) {
                parts.add(Formats.words(slot) + " " + value);
            }
        });
        String reason = reason(conversation.handoffReason(), texts);
        String wanted = parts.isEmpty() ? "" : texts.get("inbox.summary.wanted", String.join(" · ", parts));
        if (reason.isEmpty()) {
            return wanted.isEmpty() ? texts.get("inbox.summary.noTask") : wanted;
        }
        return wanted.isEmpty() ? capitalized(reason, texts) : wanted + " · " + reason;
    }

    /** "book 60-minute massage": the service (or room type) goes with the task, not after it. */
    private static String task(String task, Map<String, String> slots, Catalogue catalogue, Texts texts) {
        return switch (task) {
            case "book_service" -> {
                String service = slots.remove("service");
                yield service == null
                        ? texts.get("inbox.summary.bookService")
                        : texts.get("inbox.summary.book", catalogue.serviceName(service));
            }
            case "book_room" -> {
                String room = slots.remove("room");
                yield room == null
                        ? texts.get("inbox.summary.bookRoom")
                        : texts.get("inbox.summary.book", catalogue.roomName(room));
            }
            case "order" -> texts.get("inbox.summary.order");
            case "lead" -> texts.get("inbox.summary.lead");
            case "change_booking" -> texts.get("inbox.summary.changeBooking");
            case "cancel_booking" -> texts.get("inbox.summary.cancelBooking");
            default -> Formats.words(task);
        };
    }

    private static String slot(String slot, String value, Texts texts) {
        return switch (slot) {
            case "party" -> texts.get("inbox.summary.party", value);
            case "guests" -> texts.get("inbox.summary.guests", value);
            case "nights" -> texts.get("inbox.summary.nights", value);
            case "room" -> texts.get("inbox.summary.room", value);
            case "place" -> value.replace(':', ' ');
            case "payment" -> texts.get("inbox.summary.payment", texts.word("payment.method", value));
            default -> value;
        };
    }

    private static String reason(@org.jspecify.annotations.Nullable String reason, Texts texts) {
        if (reason == null) {
            return "";
        }
        return switch (reason) {
            case "request" -> texts.get("inbox.summary.reason.request");
            case "frustration" -> texts.get("inbox.summary.reason.frustration");
            case "misunderstood" -> texts.get("inbox.summary.reason.misunderstood");
            case "staff" -> texts.get("inbox.summary.reason.staff");
            default -> Formats.words(reason);
        };
    }

    private static String capitalized(String text, Texts texts) {
        return text.substring(0, 1).toUpperCase(texts.locale()) + text.substring(1) + ".";
    }
}
