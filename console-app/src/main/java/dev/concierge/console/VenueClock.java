package dev.concierge.console;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What time it is at the venue. The API does not tell the time, so the console reads {@code CONCIERGE_NOW} as the
 * server does (DESIGN.md: a frozen venue-local date-time for demos and tests) and gives it to the server it starts.
 *
 * @param frozen the venue-local moment the clock stands at; null for the real time
 */
public record VenueClock(@Nullable LocalDateTime frozen) {

    /** The clock {@code CONCIERGE_NOW} in {@code environment} asks for; a value that is not a date-time is refused. */
    public static VenueClock fromEnvironment(Map<String, String> environment) {
        String now = environment.get("CONCIERGE_NOW");
        if (now == null || now.isBlank()) {
            return new VenueClock(null);
        }
        try {
            return new VenueClock(LocalDateTime.parse(now.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "CONCIERGE_NOW must be a local date-time like 2026-03-10T09:00, not " + now, e);
        }
    }

    public LocalDateTime now(ZoneId venueZone) {
        return frozen != null ? frozen : LocalDateTime.now(venueZone);
    }

    public LocalDate today(ZoneId venueZone) {
        return now(venueZone).toLocalDate();
    }
}
