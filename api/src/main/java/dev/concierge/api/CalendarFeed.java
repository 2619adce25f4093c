package dev.concierge.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A private iCalendar feed of bookings ({@code /api/staff/calendar-feeds}).
 *
 * @param serviceId the service whose bookings it shows; absent for the feed of room stays
 * @param url where calendar apps subscribe: present only in the answer that created it (the token is not kept)
 */
public record CalendarFeed(
        String id,
        String name,
        @Nullable String serviceId,
        Instant createdAt,
        @Nullable Instant revokedAt,
        @Nullable String url) {

    /**
     * {@code POST /api/staff/calendar-feeds}: a feed of one service's bookings, or of the room stays.
     *
     * @param rooms true for the room stays (then no {@code serviceId})
     */
    public record Request(
            @Nullable String name,
            @Nullable String serviceId,
            @Nullable Boolean rooms) {
        public Request {
            boolean forRooms = Boolean.TRUE.equals(rooms);
            if (forRooms == (serviceId != null && !serviceId.isBlank())) {
                throw InvalidFieldsException.of("serviceId", "name one service, or set rooms to true (not both)");
            }
            if (name != null && name.length() > 100) {
                throw InvalidFieldsException.of("name", "must be at most 100 characters");
            }
        }
    }
}
