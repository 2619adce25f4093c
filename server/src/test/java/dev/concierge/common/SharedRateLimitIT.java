package dev.concierge.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.storage.Database;
import dev.concierge.testing.LocalPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits in the shared PostgreSQL (several instances count against one allowance), under a burst: the website's
 * first requests from an address arrive together, before its bucket is in the database.
 */
class SharedRateLimitIT {
    private static final int BURST = 32;
    private static final String ADDRESS = "203.0.113.7";

    @TempDir
    Path dataDir;

    private Database database;
    private ExecutorService threads;

    @BeforeEach
    void open() {
        LocalPostgres.Db db = LocalPostgres.shared().newDatabase();
        database = Database.open(dataDir, db.url(), db.user(), db.password());
        threads = Executors.newFixedThreadPool(BURST);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        database.close();
    }

    /** {@code BURST} takes from one key, released at once; what each answered (a failure fails the test). */
    private List<Optional<Duration>> burst(RateLimit limit) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Duration>>> takes = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            takes.add(threads.submit(() -> {
                start.await();
                return limit.tryTake(ADDRESS);
            }));
        }
        start.countDown();
        List<Optional<Duration>> answers = new ArrayList<>();
        for (Future<Optional<Duration>> take : takes) {
            answers.add(take.get());
        }
        return answers;
    }

    /** The rows the shared database holds for the key under the limit {@code name}. */
    private int countRow(String name) {
        return database.dsl()
                .fetchCount(DSL.table("rate_limit_bucket"), DSL.field("id").eq(name + ":" + ADDRESS));
    }

    @Test
    void aBurstOnAKeyNotInTheDatabaseYetIsAllowedAndCounted() throws Exception {
        RateLimit limit = RateLimits.shared(database.dataSource()).limit("public", 240, Duration.ofMinutes(1), 1_000);

        List<Optional<Duration>> answers = burst(limit);

        assertEquals(BURST, answers.stream().filter(Optional::isEmpty).count(), answers.toString());
        assertEquals(1, countRow("public"), "the key's bucket is in the shared database");
    }

    @Test
    void aBucketGoneFromTheDatabaseIsMadeAgainByTheNextBurst() throws Exception {
        RateLimit limit = RateLimits.shared(database.dataSource()).limit("public", 240, Duration.ofMinutes(1), 1_000);
        burst(limit);
        // the daily clean-up removed the row of a quiet key; this instance still tracks the key
        database.dsl().execute("delete from rate_limit_bucket");

        List<Optional<Duration>> answers = burst(limit);

        assertEquals(BURST, answers.stream().filter(Optional::isEmpty).count(), answers.toString());
        assertEquals(1, countRow("public"), "made again");
    }
}
