package dev.concierge.api;

import java.util.List;

/** {@code GET /api/availability/rooms}: the room types that fit, with what is free and the price of the stay. */
public record RoomAvailability(List<RoomOffer> rooms) {
    public RoomAvailability {
        rooms = List.copyOf(rooms);
    }

    /** A room type: its name in the asked language, rooms free for every night, the nightly rate and the total. */
    public record RoomOffer(String roomTypeId, String name, int available, Money nightlyRate, Money total) {}
}
