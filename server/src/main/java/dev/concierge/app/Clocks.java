package dev.concierge.app;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** Makes the server's one clock: the system clock in the venue's zone, or frozen by {@code CONCIERGE_NOW}. */
final class Clocks {
    private Clocks() {}

    static Clock forVenue(ZoneId zone, @Nullable LocalDateTime frozenNow) {
        if (frozenNow == null) {
            return Clock.system(zone);
        }
        return Clock.fixed(frozenNow.atZone(zone).toInstant(), zone);
    }
}
