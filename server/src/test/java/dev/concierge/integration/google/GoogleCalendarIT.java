package dev.concierge.integration.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.FakeGoogle;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bookings pushed to a local Google Calendar through the official client, every request checked against Google's
 * discovery document: one event per booking under an id derived from its reference (also when the first insert's
 * answer is lost), changes update it, a cancellation deletes it, a room stay is all-day to its check-out date, and
 * Google's limits and refusals are retried or reported without a guest's data.
 */
class GoogleCalendarIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CALENDAR = "front-desk@group.calendar.google.com";

    @TempDir
    Path dataDir;

    private FakeGoogle google;
    private TestServer server;
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

    private JsonNode book(String start, String name) {
        Response response = desk.postJson(
                "/api/staff/bookings",
                "{\"serviceId\": \"massage-60\", \"start\": \"" + start + "\", \"partySize\": 1,"
                        + " \"contact\": {\"name\": \"" + name + "\", \"phone\": \"+34 612 000 301\"}}");
        assertEquals(201, response.status(), response.body());
        return response.json();
    }

    private JsonNode onlyEvent() {
        Map<String, JsonNode> events = google.events(CALENDAR);
        assertEquals(1, events.size(), events.toString());
        return events.values().iterator().next();
    }

    private JsonNode delivery(String eventType, String reference) {
        JsonNode sync = desk.get("/api/staff/sync?connector=google-calendar").json();
        return StreamSupport.stream(sync.get("deliveries").spliterator(), false)
                .filter(d -> d.get("eventType").asText().equals(eventType)
                        && d.get("aggregateId").asText().equals(reference))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + eventType + " delivery in " + sync));
    }

    private void awaitStatus(String eventType, String reference, String status) {
        google.await(
                eventType + " " + status,
                WAIT,
                () -> delivery(eventType, reference).get("status").asText().equals(status));
    }

    @Test
    void aBookingBecomesOneEventEvenWhenTheAnswerToItsInsertIsLost() {
        start();
        google.loseNextAnswer("calendar.events.insert");
        JsonNode booking = book("2026-03-10T10:00", "Ana Pérez");
        String reference = booking.get("reference").asText();

        awaitStatus("booking.created", reference, "delivered");
        JsonNode event = onlyEvent();
        assertEquals(CalendarEventIds.of(reference), event.get("id").asText());
        assertEquals("60-minute massage – Ana Pérez", event.get("summary").asText());
        assertTrue(event.get("description").asText().contains("Booking " + reference), event.toString());
        assertTrue(event.get("description").asText().contains("Phone: +34 612 000 301"), event.toString());
        assertEquals(
                "2026-03-10T10:00:00.000+01:00", event.at("/start/dateTime").asText());
        assertEquals("2026-03-10T11:00:00.000+01:00", event.at("/end/dateTime").asText());
        assertEquals("Europe/Madrid", event.at("/start/timeZone").asText());
        assertEquals(
                reference,
                event.at("/extendedProperties/private/conciergeReference").asText());
        List<Integer> inserts = google.requests("calendar.events.insert").stream()
                .map(FakeGoogle.Recorded::status)
                .toList();
        assertEquals(List.of(503, 409), inserts, "the retried insert found the event it had made");
        assertEquals(1, google.requests("calendar.events.update").size(), "and brought it up to date");
        assertEquals(2, delivery("booking.created", reference).get("attempts").asInt());
        assertEquals("ok", server.client().health().integrations().get("googleCalendar"));
        assertEquals(List.of(), google.problems());
    }

    @Test
    void aChangeUpdatesTheEventAndACancellationDeletesIt() {
        start();
        JsonNode booking = book("2026-03-10T10:00", "Ana Pérez");
        String reference = booking.get("reference").asText();
        awaitStatus("booking.created", reference, "delivered");

        Response moved = desk.send(
                "PATCH",
                "/api/staff/bookings/" + booking.get("id").asLong(),
                "application/json",
                "{\"start\": \"2026-03-10T12:00\"}");
        assertEquals(200, moved.status(), moved.body());
        awaitStatus("booking.changed", reference, "delivered");
        assertEquals(
                "2026-03-10T12:00:00.000+01:00",
                onlyEvent().at("/start/dateTime").asText());

        Response cancelled =
                desk.postJson("/api/staff/bookings/" + booking.get("id").asLong() + "/cancel", "{}");
        assertEquals(200, cancelled.status(), cancelled.body());
        awaitStatus("booking.cancelled", reference, "delivered");
        assertEquals("cancelled", onlyEvent().get("status").asText());
        assertEquals(1, google.requests("calendar.events.delete").size());
        assertEquals(List.of(), google.problems());
    }

    @Test
    void erasingTheGuestRewritesTheirEventsWithoutTheirDetails() {
        start();
        JsonNode booking = book("2026-03-10T10:00", "Ana Pérez");
        String reference = booking.get("reference").asText();
        awaitStatus("booking.created", reference, "delivered");

        RawHttp manager = server.http().bearer(server.tokenFor("manager"));
        Response erased = manager.send(
                "DELETE", "/api/staff/contacts/" + booking.get("contactId").asLong(), null, null);
        assertEquals(204, erased.status(), erased.body());

        awaitStatus("contact.erased", "contact-" + booking.get("contactId").asLong(), "delivered");
        JsonNode event = onlyEvent();
        assertEquals("60-minute massage – (erased)", event.get("summary").asText());
        assertFalse(event.toString().contains("Ana"), event.toString());
        assertFalse(event.toString().contains("612 000 301"), event.toString());
        assertTrue(event.get("description").asText().contains("Booking " + reference), "still findable by reference");
        assertEquals(List.of(), google.problems());
    }

    @Test
    void aRoomStayIsAnAllDayEventEndingOnItsCheckOutDate() {
        start();
        Response stay = desk.postJson(
                "/api/staff/bookings",
                "{\"roomTypeId\": \"double\", \"checkIn\": \"2026-03-12\", \"checkOut\": \"2026-03-14\","
                        + " \"guests\": 2, \"contact\": {\"name\": \"Bob Smith\", \"email\": \"bob@example.com\"}}");
        assertEquals(201, stay.status(), stay.body());
        String reference = stay.json().get("reference").asText();

        awaitStatus("booking.created", reference, "delivered");
        JsonNode event = onlyEvent();
        assertEquals("Double room – Bob Smith", event.get("summary").asText());
        assertEquals("2026-03-12", event.at("/start/date").asText());
        assertEquals("2026-03-14", event.at("/end/date").asText(), "Google's end date is exclusive: the check-out day");
        assertTrue(event.at("/start/dateTime").isMissingNode());
        assertEquals(List.of(), google.problems());
    }

    @Test
    void aRateLimitIsWaitedOutForAsLongAsGoogleAsks() {
        start();
        google.failNext("calendar.events.insert", 429, "2");
        String reference =
                book("2026-03-10T10:00", "Ana Pérez").get("reference").asText();

        awaitStatus("booking.created", reference, "delivered");
        List<FakeGoogle.Recorded> inserts = google.requests("calendar.events.insert");
        assertEquals(2, inserts.size());
        Duration waited = Duration.between(inserts.get(0).at(), inserts.get(1).at());
        assertTrue(waited.compareTo(Duration.ofMillis(1_900)) >= 0, "Retry-After: 2 was honoured, waited " + waited);
        assertEquals(1, google.events(CALENDAR).size());
    }

    @Test
    void aRefusalIsADeadLetterWhoseReasonNamesNoGuest() {
        start();
        google.failNext("calendar.events.insert", 403, null);
        String reference =
                book("2026-03-10T10:00", "Ana Pérez").get("reference").asText();

        awaitStatus("booking.created", reference, "dead");
        String reason = delivery("booking.created", reference).get("lastError").asText();
        assertEquals("Google Calendar answered HTTP 403: forbidden", reason);
        assertFalse(reason.contains("Ana"));
        assertEquals("failing", server.client().health().integrations().get("googleCalendar"));
        assertTrue(google.events(CALENDAR).isEmpty());
    }

    @Test
    void aCalendarWithoutAKeyOrAnUnreadableKeyStopsTheStart() {
        ServerSettings withoutKey =
                ServerSettings.defaults(dataDir).withEnvironment(Map.of("GOOGLE_CALENDAR_ID", CALENDAR));
        IllegalArgumentException noKey =
                assertThrows(IllegalArgumentException.class, () -> TestServer.start(withoutKey));
        assertTrue(noKey.getMessage().contains("GOOGLE_SERVICE_ACCOUNT_KEY"), noKey.getMessage());

        ServerSettings unreadable = ServerSettings.defaults(dataDir)
                .withEnvironment(Map.of(
                        "GOOGLE_CALENDAR_ID",
                        CALENDAR,
                        "GOOGLE_SERVICE_ACCOUNT_KEY",
                        dataDir.resolve("no-such-key.json").toString()));
        IllegalArgumentException badKey =
                assertThrows(IllegalArgumentException.class, () -> TestServer.start(unreadable));
        assertTrue(badKey.getMessage().contains("readable file"), badKey.getMessage());

        ServerSettings notAKey = ServerSettings.defaults(dataDir)
                .withEnvironment(Map.of(
                        "GOOGLE_CALENDAR_ID",
                        CALENDAR,
                        "GOOGLE_SERVICE_ACCOUNT_KEY",
                        "{\"type\": \"authorized_user\"}"));
        IllegalArgumentException wrongKey =
                assertThrows(IllegalArgumentException.class, () -> TestServer.start(notAKey));
        assertTrue(wrongKey.getMessage().contains("service account"), wrongKey.getMessage());
    }
}
