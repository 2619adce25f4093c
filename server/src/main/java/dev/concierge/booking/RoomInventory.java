package dev.concierge.booking;

import dev.concierge.venue.VenueFile;
import java.time.LocalDate;
import java.util.List;

/**
 * Rooms of one type night by night. A stay takes the nights from its check-in date up to, not including, its
 * check-out date, so the check-out day is free for the next guest.
 */
final class RoomInventory {
    private RoomInventory() {}

    /** A stay that holds a room from {@code checkIn} to {@code checkOut}. */
    record Stay(LocalDate checkIn, LocalDate checkOut) {
        boolean coversNight(LocalDate night) {
            return !night.isBefore(checkIn) && night.isBefore(checkOut);
        }
    }

    /** The rooms of {@code type} free on every night of {@code [checkIn, checkOut)}, given the stays already held. */
    static int freeRooms(VenueFile.RoomType type, LocalDate checkIn, LocalDate checkOut, List<Stay> held) {
        int free = type.count();
        for (LocalDate night = checkIn; night.isBefore(checkOut); night = night.plusDays(1)) {
            LocalDate tonight = night;
            long taken = held.stream().filter(stay -> stay.coversNight(tonight)).count();
            free = Math.min(free, type.count() - (int) taken);
        }
        return Math.max(0, free);
    }
}
