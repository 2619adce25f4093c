package dev.concierge.api;

import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /api/availability}: the free slots of a service on a day, in the venue's time. */
public record Availability(List<FreeSlot> slots) {
    public Availability {
        slots = List.copyOf(slots);
    }

    /** One bookable start, and how many units or covers are left at it. */
    public record FreeSlot(OffsetDateTime start, OffsetDateTime end, int remaining) {}
}
