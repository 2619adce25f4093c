package dev.concierge.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** Makes the server's one clock: the system clock in the venue's zone, or frozen by {@code CONCIERGE_NOW}. */
final class Clocks {
    private Clocks() {}

    static VenueClock forVenue(ZoneId zone, @Nullable LocalDateTime frozenNow) {
        return new VenueClock(zone, frozenNow);
    }

    /**
     * The server's clock. Its zone is the venue's, and follows the venue when one is set up or imported while the
     * server runs (a first run without a venue starts in UTC), so nobody has to restart for local times to be right.
     */
    static final class VenueClock extends Clock {
        /** {@code CONCIERGE_NOW}: a local time in the venue's zone (DESIGN.md), so it stays local when the zone moves. */
        private final @Nullable LocalDateTime frozen;

        private volatile ZoneId zone;

        VenueClock(ZoneId zone, @Nullable LocalDateTime frozen) {
            this.zone = zone;
            this.frozen = frozen;
        }

        /** The venue's zone from now on. */
        void moveTo(ZoneId newZone) {
            zone = newZone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return frozen == null ? Clock.system(other) : Clock.fixed(instant(), other);
        }

        @Override
        public Instant instant() {
            return frozen == null ? Instant.now() : frozen.atZone(zone).toInstant();
        }

        @Override
        public long millis() {
            return frozen == null ? System.currentTimeMillis() : instant().toEpochMilli();
        }
    }
}
