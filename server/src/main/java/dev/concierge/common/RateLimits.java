package dev.concierge.common;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Where the server's rate limits keep their buckets: in this instance's memory (the embedded database, one instance),
 * or in the shared PostgreSQL, so every instance counts against the same allowance.
 */
public interface RateLimits {
    /** Buckets in memory: right for one instance alone. */
    RateLimits IN_MEMORY = (name, capacity, window, trackedKeys) -> new RateLimit(capacity, window, trackedKeys);

    /**
     * A limit of {@code capacity} per {@code window} for each key; {@code name} tells limits apart in a shared store;
     * {@code trackedKeys} bounds the keys an in-memory limit remembers.
     */
    RateLimit limit(String name, int capacity, Duration window, int trackedKeys);

    /**
     * Buckets in the table {@code rate_limit_bucket} of the shared database, locked per key while one is taken
     * ({@code SELECT … FOR UPDATE}). A bucket's row expires once it would be full again; {@link #removeExpired} deletes
     * those.
     */
    static Shared shared(DataSource dataSource) {
        PostgreSQLSelectForUpdateBasedProxyManager<String> proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(
                        dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        return new Shared(proxies);
    }

    /** The PostgreSQL store. */
    final class Shared implements RateLimits {
        /** Limits of at least this many requests per window synchronise with the database in batches. */
        static final int BATCHED_FROM = 100;

        private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;

        private Shared(PostgreSQLSelectForUpdateBasedProxyManager<String> proxies) {
            this.proxies = proxies;
        }

        @Override
        public RateLimit limit(String name, int capacity, Duration window, int trackedKeys) {
            // A generous limit (the public requests per address) is counted in the database every few requests, not
            // at each: a locked read and an update of one hot row per request were most of what PostgreSQL spent on
            // a request (docs/benchmarks.md, scale-out). Each instance may then run ahead by that many tokens at most.
            // Small limits (failed logins: 5) stay exact.
            RemoteBucketBuilder<String> exact = proxies.builder();
            BiFunction<String, Supplier<BucketConfiguration>, Bucket> exactBuckets =
                    (key, configuration) -> exact.build(name + ":" + key, configuration);
            if (capacity < BATCHED_FROM) {
                return new RateLimit(capacity, window, trackedKeys, exactBuckets, null);
            }
            RemoteBucketBuilder<String> batched = proxies.builder()
                    .withOptimization(Optimizations.delaying(
                            new DelayParameters(capacity / BATCHED_FROM * 2L, Duration.ofSeconds(1))));
            return new RateLimit(
                    capacity,
                    window,
                    trackedKeys,
                    (key, configuration) -> batched.build(name + ":" + key, configuration),
                    exactBuckets);
        }

        /** Deletes up to {@code batch} buckets that are full again (their key has been quiet): a daily job. */
        public int removeExpired(int batch) {
            return proxies.removeExpired(batch);
        }
    }
}
