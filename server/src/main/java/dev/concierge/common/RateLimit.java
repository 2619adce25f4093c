package dev.concierge.common;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * So many requests per window for each key (an address, an account, a conversation), refilled gradually (Bucket4j).
 * The keys tracked are bounded, least recently used first out, so made-up keys cannot fill the memory. Limits are
 * per server instance.
 *
 * <p>A key already tracked is found without a lock: every public request passes here, and one lock for all of them
 * (an access-ordered map) had the request threads queueing behind each other under load. Past the bound, the tenth
 * of the keys seen least recently is forgotten at once, so the sorting that finds them runs once per that many new
 * keys.
 *
 * <p>A limit {@linkplain RateLimits#shared shared} by several instances on one PostgreSQL keeps each key's bucket in the
 * database instead (Bucket4j's PostgreSQL backend), so an address or an account has one allowance, not one per
 * instance.
 */
public final class RateLimit {
    private final int capacity;
    private final Duration window;
    private final int trackedKeys;
    private final ConcurrentHashMap<String, Tracked> buckets = new ConcurrentHashMap<>();
    /** The buckets in the shared database by key, when shared; else null and the buckets are in memory. */
    private final @Nullable BiFunction<String, Supplier<BucketConfiguration>, Bucket> shared;
    /**
     * A key's bucket in the shared database without batching, when {@link #shared} batches: it creates a bucket
     * that is not there, which Bucket4j's batching does not do.
     */
    private final @Nullable BiFunction<String, Supplier<BucketConfiguration>, Bucket> creating;

    /** A key's bucket and when it was last asked for ({@link System#nanoTime()}). */
    private static final class Tracked {
        final Bucket bucket;
        volatile long seen;

        Tracked(Bucket bucket) {
            this.bucket = bucket;
            this.seen = System.nanoTime();
        }
    }

    public RateLimit(int capacity, Duration window, int trackedKeys) {
        this(capacity, window, trackedKeys, null, null);
    }

    RateLimit(
            int capacity,
            Duration window,
            int trackedKeys,
            @Nullable BiFunction<String, Supplier<BucketConfiguration>, Bucket> shared,
            @Nullable BiFunction<String, Supplier<BucketConfiguration>, Bucket> creating) {
        if (capacity < 1 || window.isNegative() || window.isZero() || trackedKeys < 1) {
            throw new IllegalArgumentException(
                    "a rate limit needs a capacity, a window and room for keys: " + capacity + ", " + window);
        }
        this.capacity = capacity;
        this.window = window;
        this.trackedKeys = trackedKeys;
        this.shared = shared;
        this.creating = creating;
    }

    /** How each key's bucket starts and refills, in memory or in a shared store. */
    private Bandwidth bandwidth() {
        return Bandwidth.builder()
                .capacity(capacity)
                .refillGreedy(capacity, window)
                .build();
    }

    private BucketConfiguration configuration() {
        return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }

    public int capacity() {
        return capacity;
    }

    public Duration window() {
        return window;
    }

    /** Takes one from the key's allowance; with none left, how long until there is one again. */
    public Optional<Duration> tryTake(String key) {
        ConsumptionProbe probe = onBucket(key, bucket -> bucket.tryConsumeAndReturnRemaining(1));
        return probe.isConsumed() ? Optional.empty() : Optional.of(atLeastASecond(probe.getNanosToWaitForRefill()));
    }

    /** How long until the key has one left, without taking it (empty: it has one now). */
    public Optional<Duration> waitFor(String key) {
        EstimationProbe probe = onBucket(key, bucket -> bucket.estimateAbilityToConsume(1));
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(atLeastASecond(probe.getNanosToWaitForRefill()));
    }

    /** Takes one from the key's allowance, if it has one. */
    public void take(String key) {
        onBucket(key, bucket -> bucket.tryConsume(1));
    }

    /**
     * {@code action} on the key's bucket. A batching proxy fails when the key's bucket is not in the shared database
     * (its first burst of requests, or a quiet key's row expired): Bucket4j's batched commands do not create it, and
     * the burst answered 500s (the bench's and TwoInstancesIT's). The proxy without batching creates it for this one
     * request; the batching proxy finds it from then on.
     */
    private <T> T onBucket(String key, Function<Bucket, T> action) {
        try {
            return action.apply(bucket(key));
        } catch (RuntimeException e) {
            if (creating == null || !isBucketMissing(e)) {
                throw e;
            }
            return action.apply(creating.apply(key, this::configuration));
        }
    }

    private static boolean isBucketMissing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    private static Duration atLeastASecond(long nanos) {
        Duration wait = Duration.ofNanos(nanos);
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    private Bucket bucket(String key) {
        Tracked tracked = buckets.get(key);
        if (tracked == null) {
            tracked = buckets.computeIfAbsent(key, k -> new Tracked(newBucket(k)));
            if (buckets.size() > trackedKeys) {
                forgetLeastRecent();
            }
        }
        tracked.seen = System.nanoTime();
        return tracked.bucket;
    }

    /**
     * A key's bucket in memory, or its proxy to the shared store (kept like a bucket: a proxy that batches its
     * synchronisation keeps what it has not synchronised yet).
     */
    private Bucket newBucket(String key) {
        if (shared != null) {
            return shared.apply(key, this::configuration);
        }
        return Bucket.builder().addLimit(bandwidth()).build();
    }

    /** How many keys are tracked now (at most the bound given, a moment more while new ones arrive). */
    int tracked() {
        return buckets.size();
    }

    private synchronized void forgetLeastRecent() {
        int over = buckets.size() - trackedKeys;
        if (over <= 0) {
            return; // another caller forgot them first
        }
        int forget = Math.max(over, trackedKeys / 10);
        // the times as they are now: they keep changing while we sort
        record Seen(String key, Tracked tracked, long at) {}
        List<Seen> byAge = new ArrayList<>(buckets.size());
        buckets.forEach((key, tracked) -> byAge.add(new Seen(key, tracked, tracked.seen)));
        // nanoTime values are compared by their difference, which stays right when they wrap
        byAge.sort((a, b) -> Long.signum(a.at() - b.at()));
        for (Seen oldest : byAge.subList(0, Math.min(forget, byAge.size()))) {
            buckets.remove(oldest.key(), oldest.tracked());
        }
    }
}
