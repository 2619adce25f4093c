package dev.concierge.kiosk;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** The view models' clock in a test: it moves only when the test says. */
final class MutableClock implements Supplier<Instant> {
    private Instant now = Instant.parse("2026-03-10T08:00:00Z");

    @Override
    public Instant get() {
        return now;
    }

    Instant advance(Duration by) {
        now = now.plus(by);
        return now;
    }
}
