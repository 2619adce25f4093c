package dev.concierge.staff;

import dev.concierge.common.DomainException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slows down password guessing: after a few failed logins for one account, or many from one address, logins are
 * refused with 429 until a token refills. Only failures count, so a desk that logs in all day is never locked out.
 */
final class LoginThrottle {
    static final int FAILURES_PER_ACCOUNT = 5;
    static final int FAILURES_PER_ADDRESS = 20;
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int TRACKED_KEYS = 10_000;

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            // bounded, so made-up e-mails cannot fill the memory; the least recently used key goes first
            return size() > TRACKED_KEYS;
        }
    };

    /** Refuses with 429 when either the account or the address has no attempts left. */
    void checkAllowed(String email, String address) {
        Duration wait = Duration.ZERO;
        for (Bucket bucket : bucketsFor(email, address)) {
            EstimationProbe probe = bucket.estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) {
                Duration needed = Duration.ofNanos(probe.getNanosToWaitForRefill());
                wait = needed.compareTo(wait) > 0 ? needed : wait;
            }
        }
        if (!wait.isZero()) {
            throw DomainException.tooManyRequests(
                    "Too many failed logins. Try again in " + Math.max(1, wait.toMinutes() + 1) + " minutes.",
                    wait.getSeconds() < 1 ? Duration.ofSeconds(1) : wait);
        }
    }

    void recordFailure(String email, String address) {
        for (Bucket bucket : bucketsFor(email, address)) {
            bucket.tryConsume(1);
        }
    }

    private Bucket[] bucketsFor(String email, String address) {
        synchronized (buckets) {
            Bucket account = buckets.computeIfAbsent(
                    "account:" + email.toLowerCase(Locale.ROOT), k -> newBucket(FAILURES_PER_ACCOUNT));
            Bucket origin = buckets.computeIfAbsent("address:" + address, k -> newBucket(FAILURES_PER_ADDRESS));
            return new Bucket[] {account, origin};
        }
    }

    private static Bucket newBucket(int failures) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, WINDOW))
                .build();
    }
}
