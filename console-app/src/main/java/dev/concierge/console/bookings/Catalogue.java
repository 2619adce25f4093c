package dev.concierge.console.bookings;

import dev.concierge.api.BookingView;
import dev.concierge.api.VenueProfile;
import java.util.List;
import java.util.Map;

/**
 * What can be booked, named in the venue's first language: the services (one timeline column each) and the room
 * types with their room numbers.
 */
record Catalogue(List<Item> services, List<Room> rooms) {

    /** A service: its id and its name for the desk. */
    record Item(String id, String name, int durationMinutes) {}

    /** A room type: its id, name, most guests, and its room numbers when the venue lists them. */
    record Room(String id, String name, int maxGuests, List<String> numbers) {}

    /** The names in the console's {@code language} when the venue gives them in it, else in its first language. */
    static Catalogue of(VenueProfile venue, String preferred) {
        String language =
                venue.languages().contains(preferred) || venue.languages().isEmpty()
                        ? preferred
                        : venue.languages().get(0);
        return new Catalogue(
                venue.services().stream()
                        .map(service -> new Item(
                                service.id(), name(service.name(), language, service.id()), service.durationMinutes()))
                        .toList(),
                venue.rooms().stream()
                        .map(room -> new Room(
                                room.id(), name(room.name(), language, room.id()), room.maxGuests(), room.numbers()))
                        .toList());
    }

    private static String name(Map<String, String> names, String language, String id) {
        String name = names.get(language);
        if (name != null) {
            return name;
        }
        return names.values().stream().findFirst().orElse(id);
    }

    /** What a booking is for, as the desk reads it: "60-minute massage", "Double room". */
    String what(BookingView booking) {
        if (booking.serviceId() != null) {
            return services.stream()
                    .filter(item -> item.id().equals(booking.serviceId()))
                    .map(Item::name)
                    .findFirst()
                    .orElse(booking.serviceId());
        }
        String type = booking.roomTypeId() == null ? "room" : booking.roomTypeId();
        return rooms.stream()
                .filter(room -> room.id().equals(type))
                .map(Room::name)
                .findFirst()
                .orElse(type);
    }
}
