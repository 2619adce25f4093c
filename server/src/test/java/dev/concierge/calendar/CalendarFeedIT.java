package dev.concierge.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private iCalendar feeds read back with a real iCalendar parser, as a calendar app would. */
class CalendarFeedIT {
    @TempDir
    Path dataDir;

    private TestServer server;
    private RawHttp desk;
    private RawHttp manager;

    @BeforeEach
    void start() {
        Path venue = VenueBuilder.smallHotel().writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(LocalDateTime.of(2026, 3, 9, 9, 0)));
        desk = server.http().bearer(server.tokenFor("front_desk"));
        manager = server.http().bearer(server.tokenFor("manager"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode book(String body) {
        Response response = desk.postJson("/api/staff/bookings", body);
        assertEquals(201, response.status(), response.body());
        return response.json();
    }

    private JsonNode massage(String start, String name) {
        return book("{\"serviceId\": \"massage-60\", \"start\": \"" + start + "\", \"partySize\": 1,"
                + " \"contact\": {\"name\": \"" + name + "\"}}");
    }

    private String feedPath(String body) {
        Response created = manager.postJson("/api/staff/calendar-feeds", body);
        assertEquals(201, created.status(), created.body());
        URI url = URI.create(created.json().get("url").asText());
        assertEquals(server.uri().getPort(), url.getPort(), "the URL points at this server");
        return url.getPath();
    }

    private static Map<String, VEvent> events(String text) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        calendar.validate();
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .collect(Collectors.toMap(e -> e.getUid().orElseThrow().getValue(), e -> e));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElseThrow();
    }

    @Test
    void aServiceFeedShowsItsBookingsWithStableIdsAndFollowsTheirChanges() throws Exception {
        JsonNode ana = massage("2026-03-10T10:00", "Ana Pérez");
        JsonNode bob = massage("2026-03-10T12:00", "Bob Smith");
        JsonNode carla = massage("2026-03-11T10:00", "Carla Ruiz");
        assertEquals(
                200,
                desk.postJson("/api/staff/bookings/" + carla.get("id") + "/cancel", "{}")
                        .status());
        String path = feedPath("{\"serviceId\": \"massage-60\"}");

        Response feed = server.http().get(path);
        assertEquals(200, feed.status(), feed.body());
        assertTrue(feed.header("Content-Type").startsWith("text/calendar"), feed.header("Content-Type"));
        Map<String, VEvent> events = events(feed.body());
        String anaUid = ana.get("reference").asText() + "@concierge";
        assertEquals(
                java.util.Set.of(anaUid, bob.get("reference").asText() + "@concierge"),
                events.keySet(),
                "the cancelled booking is not shown");
        VEvent anas = events.get(anaUid);
        assertEquals(
                OffsetDateTime.parse(ana.get("start").asText()).toInstant(),
                Instant.from(anas.getDateTimeStart().getDate()));
        assertTrue(value(anas, "SUMMARY").contains("Ana Pérez"), value(anas, "SUMMARY"));
        assertTrue(value(anas, "DESCRIPTION").contains(ana.get("reference").asText()));
        assertTrue(!feed.body().contains("+34") && !feed.body().contains("@example"), "no contact details");
        assertEquals(feed.body(), server.http().get(path).body(), "an unchanged feed reads the same at each poll");

        Response moved = desk.send(
                "PATCH",
                "/api/staff/bookings/" + ana.get("id"),
                "application/json",
                "{\"start\": \"2026-03-10T16:00\"}");
        assertEquals(200, moved.status(), moved.body());
        VEvent after = events(server.http().get(path).body()).get(anaUid);
        assertEquals(
                OffsetDateTime.parse(moved.json().get("start").asText()).toInstant(),
                Instant.from(after.getDateTimeStart().getDate()),
                "the same event, moved");
    }

    @Test
    void theRoomFeedShowsStaysAsWholeDaysEndingOnTheDepartureDay() throws Exception {
        JsonNode stay = book("{\"roomTypeId\": \"double\", \"checkIn\": \"2026-03-10\", \"checkOut\": \"2026-03-13\","
                + " \"guests\": 2, \"contact\": {\"name\": \"Lena Berg\"}}");
        massage("2026-03-10T10:00", "Ana Pérez");
        String path = feedPath("{\"rooms\": true, \"name\": \"Rooms\"}");

        Map<String, VEvent> events = events(server.http().get(path).body());
        assertEquals(List.of(stay.get("reference").asText() + "@concierge"), List.copyOf(events.keySet()));
        VEvent event = events.values().iterator().next();
        assertEquals(LocalDate.of(2026, 3, 10), event.getDateTimeStart().getDate());
        assertEquals(LocalDate.of(2026, 3, 13), event.getDateTimeEnd().getDate(), "exclusive end");
        assertTrue(server.http().get(path).body().contains("DTSTART;VALUE=DATE:20260310"));
    }

    @Test
    void aRevokedFeedAnswers404AndOnlyManagersMakeFeeds() {
        String path = feedPath("{\"serviceId\": \"massage-60\"}");
        String id =
                manager.get("/api/staff/calendar-feeds").json().get(0).get("id").asText();
        assertTrue(
                manager.get("/api/staff/calendar-feeds")
                        .json()
                        .get(0)
                        .path("url")
                        .isMissingNode(),
                "the token is shown once");

        assertEquals(
                204,
                manager.send("DELETE", "/api/staff/calendar-feeds/" + id, null, null)
                        .status());
        Response revoked = server.http().get(path);
        assertEquals(404, revoked.status());
        assertEquals("feed_not_found", revoked.errorCode());
        assertEquals(404, server.http().get("/api/calendar/cal_guessed.ics").status());

        assertEquals(
                403,
                desk.postJson("/api/staff/calendar-feeds", "{\"rooms\": true}").status());
        assertEquals(400, manager.postJson("/api/staff/calendar-feeds", "{}").status());
        assertEquals(
                400,
                manager.postJson("/api/staff/calendar-feeds", "{\"rooms\": true, \"serviceId\": \"massage-60\"}")
                        .status());
        assertEquals(
                400,
                manager.postJson("/api/staff/calendar-feeds", "{\"serviceId\": \"yoga\"}")
                        .status());
        assertEquals(
                404,
                manager.send("DELETE", "/api/staff/calendar-feeds/feed_nope", null, null)
                        .status());
    }
}
