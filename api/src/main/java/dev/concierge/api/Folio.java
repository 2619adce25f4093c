package dev.concierge.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The charges of a room stay ({@code GET /api/staff/bookings/{id}/folio}): the orders charged to the room, what they
 * add up to, and what is still to pay. Check-out settles what is outstanding.
 */
public record Folio(long bookingId, @Nullable String roomNumber, List<Charge> charges, Money total, Money outstanding) {
    public Folio {
        charges = List.copyOf(charges);
    }

    public record Charge(long orderId, String reference, Instant at, String description, Money amount, String status) {}
}
