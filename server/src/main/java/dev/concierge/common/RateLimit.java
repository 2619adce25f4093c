package dev.concierge.common;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * So many requests per window for each key (an address, an account, a conversation), refilled gradually (Bucket4j).
 * The keys tracked are bounded, least recently used first out, so made-up keys cannot fill the memory. Limits are
 * per server instance.
 */
public final class RateLimit {
    private final int capacity;
    private final Duration window;
    private final Map<String, Bucket> buckets;

    public RateLimit(int capacity, Duration window, int trackedKeys) {
        if (capacity < 1 || window.isNegative() || window.isZero() || trackedKeys < 1) {
            throw new IllegalArgumentException(
                    "a rate limit needs a capacity, a window and room for keys: " + capacity + ", " + window);
        }
        this.capacity = capacity;
        this.window = window;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > trackedKeys;
            }
        };
    }

    public int capacity() {
        return capacity;
    }

    public Duration window() {
        return window;
    }

    /** Takes one from the key's allowance; with none left, how long until there is one again. */
    public Optional<Duration> tryTake(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(atLeastASecond(probe.getNanosToWaitForRefill()));
    }

    /** How long until the key has one left, without taking it (empty: it has one now). */
    public Optional<Duration> waitFor(String key) {
        EstimationProbe probe = bucket(key).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(atLeastASecond(probe.getNanosToWaitForRefill()));
    }

    /** Takes one from the key's allowance, if it has one. */
    public void take(String key) {
        bucket(key).tryConsume(1);
    }

    private static Duration atLeastASecond(long nanos) {
        Duration wait = Duration.ofNanos(nanos);
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    private Bucket bucket(String key) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(
                    key,
                    k -> Bucket.builder()
                            .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                            .build());
        }
    }
}
