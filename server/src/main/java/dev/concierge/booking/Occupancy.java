package dev.concierge.booking;

import java.time.Instant;

/**
 * What one existing booking takes from a service: {@code load} (1 unit, or its party's covers) from {@code start}
 * until {@code end}, where the end already includes the service's buffer.
 */
public record Occupancy(Instant start, Instant end, int load) {
    public Occupancy {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an occupancy must end after it starts");
        }
        if (load <= 0) {
            throw new IllegalArgumentException("an occupancy takes at least 1");
        }
    }

    boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && from.isBefore(end);
    }
}
