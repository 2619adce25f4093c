package dev.concierge.outbox;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: exponential from {@code base} (doubling per attempt, at most {@code cap}),
 * with "equal jitter" (a random point in the upper half) so that deliveries failing together do not all come back
 * together; a service's own {@code Retry-After} is honoured instead, up to {@link #LONGEST_RETRY_AFTER}.
 */
final class Backoff {
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(6);

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    Backoff(Duration base, Duration cap, RandomGenerator random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, not " + base + " and " + cap);
        }
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The wait after the {@code attempts}-th failed attempt (1 after the first). */
    Duration after(int attempts, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.isNegative() ? Duration.ZERO : min(asked, LONGEST_RETRY_AFTER);
        }
        int doublings = Math.max(0, attempts - 1);
        long capMillis = cap.toMillis();
        long baseMillis = base.toMillis();
        // base << doublings, unless that passes the cap (checked without overflowing)
        long full = doublings < 62 && baseMillis <= (capMillis >> doublings) ? baseMillis << doublings : capMillis;
        long half = full / 2;
        return Duration.ofMillis(half + random.nextLong(full - half + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
