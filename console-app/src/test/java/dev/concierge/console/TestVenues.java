package dev.concierge.console;

import dev.concierge.api.VenueProfile;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A small Hotel Miramar as {@code GET /api/venue} answers it, for ViewModel tests: its clock and a catalogue. */
public final class TestVenues {
    private TestVenues() {}

    /** Two services, the double rooms 105 and 107–109, the server's clock at {@code now}. */
    public static VenueProfile miramar(OffsetDateTime now) {
        return new VenueProfile(
                "Hotel Miramar",
                "Europe/Madrid",
                "EUR",
                List.of("en", "es"),
                null,
                null,
                null,
                now,
                List.of(
                        new VenueProfile.Service(
                                "massage-60",
                                Map.of("en", "60-minute massage", "es", "Masaje de 60 minutos"),
                                60,
                                8000L,
                                null),
                        new VenueProfile.Service(
                                "dinner", Map.of("en", "Dinner table", "es", "Mesa para cenar"), 90, null, null)),
                List.of(new VenueProfile.RoomType(
                        "double",
                        Map.of("en", "Double room", "es", "Habitación doble"),
                        2,
                        12000,
                        List.of("105", "107", "108", "109"))),
                List.of());
    }
}
