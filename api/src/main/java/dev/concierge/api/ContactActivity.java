package dev.concierge.api;

import java.util.List;

/**
 * {@code GET /api/staff/contacts/{id}/activity}: what the desk sees of one guest beside their details — their
 * bookings, orders and conversations, the newest first.
 */
public record ContactActivity(
        long contactId, List<BookingView> bookings, List<OrderView> orders, List<ConversationSummary> conversations) {
    public ContactActivity {
        bookings = List.copyOf(bookings);
        orders = List.copyOf(orders);
        conversations = List.copyOf(conversations);
    }
}
