package dev.concierge.console.bookings;

import java.util.List;

/**
 * One line of the room grid: a room number, a room type's heading, or a lane for the stays given no room yet; with
 * the stays on it, each across its nights.
 *
 * @param kind what the line is
 */
record RoomLine(Kind kind, String label, String roomTypeId, List<StayBar> stays) {
    enum Kind {
        TYPE,
        NUMBER,
        UNASSIGNED
    }
}
