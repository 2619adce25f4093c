package dev.concierge.booking;

import java.time.Instant;
import java.util.List;

/**
 * Times a service cannot be booked although it is open: someone blocked them outside Concierge (a manager's event in
 * the venue's Google Calendar). A slot that overlaps one is not offered, and booking it is refused as full.
 */
public interface BusyTimes {
    /** No busy times: nothing is blocked outside Concierge. */
    BusyTimes NONE = (serviceId, from, to) -> List.of();

    /** A blocked time, {@code [start, end)}. */
    record Period(Instant start, Instant end) {
        boolean overlaps(Instant from, Instant to) {
            return start.isBefore(to) && from.isBefore(end);
        }
    }

    /** The busy periods of {@code serviceId} (or of every service) that overlap {@code [from, to)}. */
    List<Period> overlapping(String serviceId, Instant from, Instant to);
}
