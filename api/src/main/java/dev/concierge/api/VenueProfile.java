package dev.concierge.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/venue}: what a client shows about the venue: its details, the venue's clock now ({@code now}, in
 * its zone: frozen by {@code CONCIERGE_NOW} on a demo), what can be booked and ordered, with names by language, and
 * its brand colour ({@code #RRGGBB}) when the venue set one.
 */
public record VenueProfile(
        String name,
        String timezone,
        String currency,
        List<String> languages,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String address,
        @Nullable OffsetDateTime now,
        List<Service> services,
        List<RoomType> rooms,
        List<MenuItem> menu,
        @Nullable String brandColor) {

    public VenueProfile {
        languages = List.copyOf(languages);
        services = services == null ? List.of() : List.copyOf(services);
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
        menu = menu == null ? List.of() : List.copyOf(menu);
    }

    /** Without a brand colour. */
    public VenueProfile(
            String name,
            String timezone,
            String currency,
            List<String> languages,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String address,
            @Nullable OffsetDateTime now,
            List<Service> services,
            List<RoomType> rooms,
            List<MenuItem> menu) {
        this(name, timezone, currency, languages, phone, email, address, now, services, rooms, menu, null);
    }

    /** Only the venue's details (a client that needs no catalogue, tests). */
    public VenueProfile(
            String name,
            String timezone,
            String currency,
            List<String> languages,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String address) {
        this(name, timezone, currency, languages, phone, email, address, null, List.of(), List.of(), List.of());
    }

    /** A service bookable by slot; {@code price} and {@code deposit} in the venue's currency, when it has them. */
    public record Service(
            String id,
            Map<String, String> name,
            int durationMinutes,
            @Nullable Long price,
            @Nullable Long deposit) {}

    /** A kind of room; {@code numbers} the room labels when the venue lists them (else any label is accepted). */
    public record RoomType(
            String id, Map<String, String> name, int maxGuests, long nightlyRate, List<String> numbers) {}

    /** A menu item; {@code available} its serving hours ({@code 11:00-23:00}) when it has them. */
    public record MenuItem(
            String id,
            Map<String, String> name,
            String category,
            long price,
            @Nullable String available) {}
}
