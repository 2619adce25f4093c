package dev.concierge.integration.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.FakeGoogle;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Busy times pulled back from a local Google Calendar: a manager's event removes the slots it covers from
 * {@code GET /api/availability} (every service, or the one its title names in brackets), deleting it gives them back,
 * our own bookings' events block nothing, and an expired sync token is answered with a full sync.
 */
class GoogleBusyTimesIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CALENDAR = "front-desk@group.calendar.google.com";

    @TempDir
    Path dataDir;

    private FakeGoogle google;
    private TestServer server;
    private RawHttp guest;
    private RawHttp desk;

    private void start() {
        google = FakeGoogle.start();
        Path venue = VenueBuilder.smallHotel().writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        Map<String, String> env = new HashMap<>(google.serverEnvironment(CALENDAR, "sheet-1"));
        env.remove("GOOGLE_SHEETS_ID");
        env.put("OUTBOX_RETRY_BASE_MS", "50");
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(LocalDateTime.of(2026, 3, 9, 9, 0))
                .withEnvironment(env));
        String key = server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Website", List.of()))
                .key();
        guest = server.http().with("X-Concierge-Key", key);
        desk = server.http().bearer(server.tokenFor("front_desk"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (google != null) {
            google.close();
        }
    }

    private List<String> freeStarts(String service, String date) {
        Response answer = guest.get("/api/availability?service=" + service + "&date=" + date + "&party=1");
        assertEquals(200, answer.status(), answer.body());
        return answer.json().get("slots").findValuesAsText("start");
    }

    private static Instant madrid(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+01:00").toInstant();
    }

    @Test
    void aManagersEventInTheCalendarRemovesItsSlotsUntilItIsDeleted() {
        start();
        assertTrue(freeStarts("massage-60", "2026-03-10").contains("2026-03-10T10:00:00+01:00"));

        String blocked =
                google.addEvent(CALENDAR, "Staff training", madrid("2026-03-10T10:00"), madrid("2026-03-10T11:30"));
        server.syncCalendar();

        List<String> free = freeStarts("massage-60", "2026-03-10");
        assertFalse(free.contains("2026-03-10T10:00:00+01:00"), free.toString());
        assertFalse(free.contains("2026-03-10T11:00:00+01:00"), "it overlaps 11:00-12:00 too: " + free);
        assertTrue(free.contains("2026-03-10T12:00:00+01:00"), free.toString());
        Response taken = desk.postJson(
                "/api/staff/bookings",
                "{\"serviceId\": \"massage-60\", \"start\": \"2026-03-10T10:00\", \"partySize\": 1,"
                        + " \"contact\": {\"name\": \"Ana Pérez\", \"email\": \"ana@example.com\"}}");
        assertEquals(409, taken.status(), taken.body());
        JsonNode alternatives = taken.json().at("/error/alternatives");
        assertFalse(
                alternatives.findValuesAsText("start").contains("2026-03-10T11:00:00+01:00"), alternatives.toString());

        google.removeEvent(CALENDAR, blocked);
        server.syncCalendar();
        assertTrue(freeStarts("massage-60", "2026-03-10").contains("2026-03-10T10:00:00+01:00"));
        assertTrue(
                google.requests("calendar.events.list").get(1).query().containsKey("syncToken"),
                "the second sync asked for the changes only");
        assertEquals(List.of(), google.problems());
    }

    @Test
    void anEventNamingAServiceBlocksOnlyThatService() {
        start();
        google.addEvent(CALENDAR, "[dinner] Private party", madrid("2026-03-10T19:00"), madrid("2026-03-10T22:00"));
        google.addEvent(CALENDAR, "Lunch with a supplier", madrid("2026-03-11T13:00"), madrid("2026-03-11T14:00"));
        server.syncCalendar();

        List<String> dinner = freeStarts("dinner", "2026-03-10");
        assertFalse(dinner.contains("2026-03-10T19:00:00+01:00"), dinner.toString());
        assertFalse(dinner.contains("2026-03-10T21:30:00+01:00"), dinner.toString());
        assertTrue(dinner.contains("2026-03-10T22:00:00+01:00"), dinner.toString());
        assertTrue(freeStarts("massage-60", "2026-03-10").contains("2026-03-10T18:00:00+01:00"));
        assertFalse(freeStarts("massage-60", "2026-03-11").contains("2026-03-11T13:00:00+01:00"));
        assertFalse(freeStarts("dinner", "2026-03-11").isEmpty(), "an untagged event blocks only its own hours");
    }

    @Test
    void ourOwnBookingsEventsBlockNothing() {
        start();
        Response booked = desk.postJson(
                "/api/staff/bookings",
                "{\"serviceId\": \"massage-60\", \"start\": \"2026-03-10T10:00\", \"partySize\": 1,"
                        + " \"contact\": {\"name\": \"Ana Pérez\", \"email\": \"ana@example.com\"}}");
        assertEquals(201, booked.status(), booked.body());
        google.await("the booking's event", WAIT, () -> google.events(CALENDAR).size() == 1);
        server.syncCalendar();

        assertTrue(
                freeStarts("massage-60", "2026-03-10").contains("2026-03-10T10:00:00+01:00"),
                "the second therapist is still free at 10:00");
    }

    @Test
    void anExpiredSyncTokenIsAnsweredWithAFullSync() {
        start();
        server.syncCalendar();
        google.expireSyncTokens();
        google.addEvent(CALENDAR, "Closed for inspection", madrid("2026-03-12T10:00"), madrid("2026-03-12T19:00"));
        server.syncCalendar();

        assertTrue(freeStarts("massage-60", "2026-03-12").isEmpty());
        List<FakeGoogle.Recorded> lists = google.requests("calendar.events.list");
        int expired = lists.stream().map(FakeGoogle.Recorded::status).toList().indexOf(410);
        assertTrue(expired > 0, "Google said the token was gone: " + lists);
        assertTrue(lists.get(expired).query().containsKey("syncToken"));
        assertFalse(lists.get(expired + 1).query().containsKey("syncToken"), "then a full sync");
        assertEquals(List.of(), google.problems());
    }
}
