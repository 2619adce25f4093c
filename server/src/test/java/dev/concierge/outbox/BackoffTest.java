package dev.concierge.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(15), new SplittableRandom(7));

    @Test
    void waitsDoubleFromTheBaseWithJitterInTheUpperHalfUpToTheCap() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long full = Math.min(2_000L << (attempt - 1), Duration.ofMinutes(15).toMillis());
            for (int i = 0; i < 200; i++) {
                long wait = backoff.after(attempt, Optional.empty()).toMillis();
                assertTrue(wait >= full / 2 && wait <= full, "attempt " + attempt + ": " + wait + " of " + full);
            }
        }
        assertEquals(
                Duration.ofMinutes(15).toMillis(),
                backoff.after(10_000, Optional.empty()).toMillis(),
                Duration.ofMinutes(15).toMillis() / 2.0,
                "no overflow after very many attempts");
    }

    @Test
    void jitterSpreadsDeliveriesThatFailedTogether() {
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToLong(i -> backoff.after(5, Optional.empty()).toMillis())
                .distinct()
                .count();
        assertTrue(distinct > 40, "50 waits, " + distinct + " different");
    }

    @Test
    void aServicesRetryAfterIsHonouredUpToSixHours() {
        assertEquals(Duration.ofSeconds(30), backoff.after(1, Optional.of(Duration.ofSeconds(30))));
        assertEquals(Duration.ZERO, backoff.after(3, Optional.of(Duration.ZERO)));
        assertEquals(Duration.ofHours(6), backoff.after(1, Optional.of(Duration.ofDays(3))));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(120)), DeliveryFailure.retryAfter("120", now));
        assertEquals(
                Optional.of(Duration.ofSeconds(90)), DeliveryFailure.retryAfter("Tue, 01 Dec 2026 10:01:30 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), DeliveryFailure.retryAfter("Tue, 01 Dec 2026 09:00:00 GMT", now));
        assertEquals(Optional.empty(), DeliveryFailure.retryAfter("soon", now));
        assertEquals(Optional.empty(), DeliveryFailure.retryAfter(null, now));
    }

    @Test
    void statusesOutside2xxAreRetriedOnlyWhenTryingAgainMayHelp() {
        Instant now = Instant.now();
        for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
            assertFalse(DeliveryFailure.ofStatus("n8n", status, null, null, now).permanent(), "" + status);
        }
        for (int status : new int[] {301, 400, 401, 403, 404, 409, 422}) {
            assertTrue(DeliveryFailure.ofStatus("n8n", status, null, null, now).permanent(), "" + status);
        }
        assertEquals(
                Optional.of(Duration.ofSeconds(5)),
                DeliveryFailure.ofStatus("n8n", 429, "5", null, now).retryAfter());
    }

    @Test
    void aBackoffNeedsAPositiveBaseBelowItsCap() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Backoff(Duration.ZERO, Duration.ofMinutes(1), new SplittableRandom()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), new SplittableRandom()));
    }
}
