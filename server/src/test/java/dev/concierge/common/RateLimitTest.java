package dev.concierge.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Allowances per key and the bound on the keys tracked. */
class RateLimitTest {
    @Test
    void aKeyGetsItsCapacityPerWindowAndThenAWait() {
        RateLimit limit = new RateLimit(3, Duration.ofMinutes(1), 100);

        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limit.tryTake("10.0.0.1"));
        }
        Optional<Duration> wait = limit.tryTake("10.0.0.1");

        assertTrue(wait.isPresent());
        assertTrue(wait.get().compareTo(Duration.ofSeconds(1)) >= 0, wait.toString());
        assertEquals(Optional.empty(), limit.tryTake("10.0.0.2"), "another key has its own allowance");
    }

    @Test
    void pastTheBoundTheKeysSeenLeastRecentlyAreForgottenFirst() throws InterruptedException {
        RateLimit limit = new RateLimit(1, Duration.ofMinutes(1), 10);
        limit.take("busy");
        for (int i = 0; i < 9; i++) {
            limit.take("idle-" + i);
            Thread.sleep(1); // distinct times, whatever the clock's resolution
        }
        limit.waitFor("busy"); // seen again: now the most recent

        limit.take("new"); // the eleventh key: a tenth of the bound, the least recent, is forgotten

        assertEquals(10, limit.tracked());
        assertTrue(limit.waitFor("busy").isPresent(), "the busy key is still tracked, its allowance still spent");
        assertTrue(limit.tryTake("idle-0").isEmpty(), "the least recent key was forgotten: a fresh allowance");
    }

    @Test
    void madeUpKeysFromManyThreadsStayWithinTheBound() throws Exception {
        RateLimit limit = new RateLimit(5, Duration.ofMinutes(1), 1_000);
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        limit.tryTake("made-up-" + next.incrementAndGet());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }

        assertTrue(limit.tracked() <= 1_000, "tracked " + limit.tracked());
    }
}
