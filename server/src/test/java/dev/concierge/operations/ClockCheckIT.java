package dev.concierge.operations;

import static dev.concierge.jooq.Tables.STAFF_SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.api.Health;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/health} tells when the system clock is behind what the database already holds. */
class ClockCheckIT {
    @TempDir
    Path dataDir;

    @Test
    void aRecordFromTwoHoursAheadMakesHealthWarnAboutTheClock() {
        try (TestServer server = TestServer.demo(dataDir)) {
            server.tokenFor("owner"); // a sign-in: a stored time
            Health before = server.client().health();
            assertNull(before.clock().warning(), String.valueOf(before.clock()));
            assertFalse(before.clock().frozen());

            // as if the clock had been set back two hours after this sign-in
            server.dsl()
                    .update(STAFF_SESSION)
                    .set(
                            STAFF_SESSION.CREATED_AT,
                            OffsetDateTime.now(ZoneOffset.UTC).plusHours(2))
                    .execute();
            server.runMinutelyJobs();

            JsonNode health = server.http().get("/api/health").json();
            assertEquals("ok", health.get("status").asText(), "a wrong clock does not take the server down");
            JsonNode clock = health.get("clock");
            assertTrue(
                    clock.get("warning").asText().startsWith("The system clock is 119 minutes behind")
                            || clock.get("warning").asText().startsWith("The system clock is 2 hours behind"),
                    clock.toString());
            long behind = clock.get("behindSeconds").asLong();
            assertTrue(behind > 7000 && behind <= 7200, clock.toString());
            assertTrue(clock.hasNonNull("now") && clock.hasNonNull("newestRecordAt"), clock.toString());
        }
    }

    @Test
    void aFrozenDemoClockDoesNotWarnAboutRecordsMadeInRealTime() {
        try (TestServer server = TestServer.demo(dataDir)) {
            server.tokenFor("owner"); // stored at the real time, months after the frozen one below
        }
        try (TestServer frozen = TestServer.start(
                ServerSettings.defaults(dataDir).withDemo(true).withFrozenNow(LocalDateTime.of(2026, 3, 9, 9, 0)))) {
            frozen.runMinutelyJobs();

            Health.ClockCheck clock = frozen.client().health().clock();
            assertTrue(clock.frozen());
            assertNull(clock.warning());
            assertEquals("2026-03-09T08:00:00Z", clock.now().toString(), "09:00 in Madrid");
        }
    }
}
