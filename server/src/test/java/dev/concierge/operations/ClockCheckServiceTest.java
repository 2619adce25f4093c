package dev.concierge.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.Health;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verdict on the system clock against the newest stored time, with fixed clocks. */
class ClockCheckServiceTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneId.of("Europe/Madrid"));
    private final Instant now = clock.instant();

    @Test
    void aClockAheadOfEveryRecordIsRight() {
        Health.ClockCheck check = ClockCheckService.assess(now, Optional.of(now.minus(Duration.ofDays(3))), false);

        assertEquals(now, check.now());
        assertEquals(0L, check.behindSeconds());
        assertNull(check.warning());
        assertFalse(check.frozen());
    }

    @Test
    void aFewMinutesBehindIsWithinTheTolerance() {
        Health.ClockCheck check = ClockCheckService.assess(now, Optional.of(now.plus(Duration.ofMinutes(5))), false);

        assertEquals(300L, check.behindSeconds());
        assertNull(check.warning(), "five minutes is what two clocks may differ by");
    }

    @Test
    void moreThanFiveMinutesBehindTheNewestRecordWarnsWithHowFar() {
        Instant newest = now.plus(Duration.ofHours(3)).plusSeconds(20);

        Health.ClockCheck check = ClockCheckService.assess(now, Optional.of(newest), false);

        assertEquals(3 * 3600 + 20L, check.behindSeconds());
        assertEquals(newest, check.newestRecordAt());
        assertTrue(
                check.warning()
                        .startsWith("The system clock is 3 hours behind the newest record in the database"
                                + " (2026-12-03T12:00:20Z)"),
                check.warning());
        assertTrue(ClockCheckService.assess(now, Optional.of(now.plus(Duration.ofDays(40))), false)
                .warning()
                .startsWith("The system clock is 40 days behind"));
        assertTrue(ClockCheckService.assess(now, Optional.of(now.plus(Duration.ofMinutes(6))), false)
                .warning()
                .startsWith("The system clock is 6 minutes behind"));
    }

    @Test
    void anEmptyDatabaseHasNothingToCompareWith() {
        Health.ClockCheck check = ClockCheckService.assess(now, Optional.empty(), false);

        assertNull(check.warning());
        assertNull(check.newestRecordAt());
        assertEquals(0L, check.behindSeconds());
    }

    @Test
    void aFrozenClockIsNotCheckedAgainstRecordsMadeUnderAnother() {
        Health.ClockCheck check = ClockCheckService.assess(now, Optional.of(now.plus(Duration.ofDays(200))), true);

        assertTrue(check.frozen());
        assertEquals(now, check.now());
        assertNull(check.warning());
        assertNull(check.behindSeconds());
    }
}
