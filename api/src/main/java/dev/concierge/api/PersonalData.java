package dev.concierge.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the venue holds about one guest ({@code GET /api/staff/contacts/{id}/export}, the GDPR right of
 * access): the contact, their bookings, orders and conversations.
 */
public record PersonalData(
        Contact contact,
        List<BookingView> bookings,
        List<OrderView> orders,
        List<ConversationRecord> conversations,
        Instant exportedAt) {
    public PersonalData {
        bookings = List.copyOf(bookings);
        orders = List.copyOf(orders);
        conversations = List.copyOf(conversations);
    }

    /** A conversation and what was said in it. */
    public record ConversationRecord(String id, String channel, Instant startedAt, List<Said> messages) {
        public ConversationRecord {
            messages = List.copyOf(messages);
        }
    }

    public record Said(String role, String text, @Nullable String language, Instant at) {}
}
