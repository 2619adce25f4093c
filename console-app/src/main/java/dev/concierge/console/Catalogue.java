package dev.concierge.console;

import dev.concierge.api.VenueProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the venue books and sells, as {@code GET /api/venue} lists it: the names a person reads instead of ids
 * ("60-minute massage", not {@code massage-60}), the room labels of each room type, the menu's categories.
 */
public record Catalogue(VenueProfile venue, String language) {

    /** The names in English, as the console's tests read them. */
    public Catalogue(VenueProfile venue) {
        this(venue, "en");
    }

    /** "60-minute massage" for {@code massage-60}; an id the catalogue does not list reads as its words. */
    public String serviceName(String serviceId) {
        return venue.services().stream()
                .filter(service -> service.id().equals(serviceId))
                .findFirst()
                .map(service -> name(service.name()))
                .orElseGet(() -> Formats.words(serviceId));
    }

    /** "Double room" for {@code double}. */
    public String roomName(String roomTypeId) {
        return room(roomTypeId).map(room -> name(room.name())).orElseGet(() -> Formats.words(roomTypeId));
    }

    /** The room labels of a room type, when the venue lists them (then only those are accepted); else empty. */
    public List<String> roomNumbers(String roomTypeId) {
        return room(roomTypeId).map(VenueProfile.RoomType::numbers).orElse(List.of());
    }

    /** The menu's categories in the menu's order, each once: {@code room-service}, {@code breakfast}, {@code bar}. */
    public List<String> menuCategories() {
        return venue.menu().stream()
                .map(VenueProfile.MenuItem::category)
                .distinct()
                .toList();
    }

    private Optional<VenueProfile.RoomType> room(String roomTypeId) {
        return venue.rooms().stream()
                .filter(room -> room.id().equals(roomTypeId))
                .findFirst();
    }

    private String name(Map<String, String> names) {
        // the console's language; a name missing in it is taken in the venue's first language
        String name = names.get(language);
        if (name == null && !venue.languages().isEmpty()) {
            name = names.get(venue.languages().get(0));
        }
        return name != null ? name : names.values().stream().findFirst().orElse("");
    }
}
