package dev.concierge.console;

import dev.concierge.api.VenueProfile;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * What time it is at the venue: the server's clock as {@code GET /api/venue} tells it ({@code now}, venue-local,
 * frozen by the server's {@code CONCIERGE_NOW} on a demo), so a second desk and the appliance PC agree on "today".
 */
public final class VenueClock {
    private VenueClock() {}

    /** The venue-local moment of {@code venue}'s answer; a server too old to tell it gives way to this PC's clock. */
    public static LocalDateTime now(VenueProfile venue) {
        return venue.now() != null
                ? venue.now().atZoneSameInstant(ZoneId.of(venue.timezone())).toLocalDateTime()
                : LocalDateTime.now(ZoneId.of(venue.timezone()));
    }

    public static LocalDate today(VenueProfile venue) {
        return now(venue).toLocalDate();
    }
}
