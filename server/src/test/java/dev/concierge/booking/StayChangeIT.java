package dev.concierge.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk changes a stay's dates and guests, with the two double rooms' inventory checked again. */
class StayChangeIT {
    @TempDir
    Path dataDir;

    private TestServer server;
    private RawHttp desk;

    private void startAt(LocalDateTime now) {
        Path venue = VenueBuilder.smallHotel().writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(now));
        desk = server.http().bearer(server.tokenFor("front_desk"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long stay(String checkIn, String checkOut, String name) {
        Response response = desk.postJson(
                "/api/staff/bookings",
                "{\"roomTypeId\": \"double\", \"checkIn\": \"" + checkIn + "\", \"checkOut\": \"" + checkOut
                        + "\", \"guests\": 1, \"contact\": {\"name\": \"" + name + "\"}}");
        assertEquals(201, response.status(), response.body());
        return response.json().path("id").asLong();
    }

    private Response patch(long id, String body) {
        return desk.send("PATCH", "/api/staff/bookings/" + id, "application/json", body);
    }

    private int freeDoubles(String checkIn, String checkOut) {
        return desk.get("/api/availability/rooms?checkIn=" + checkIn + "&checkOut=" + checkOut)
                .json()
                .at("/rooms/0/available")
                .asInt();
    }

    @Test
    void aStayMovesToFreeDatesAndGivesBackTheOldNights() {
        startAt(LocalDateTime.of(2026, 3, 9, 9, 0));
        long lena = stay("2026-03-10", "2026-03-12", "Lena");

        Response moved = patch(lena, "{\"checkIn\": \"2026-03-20\", \"checkOut\": \"2026-03-23\", \"partySize\": 2}");

        assertEquals(200, moved.status(), moved.body());
        assertEquals("2026-03-20T15:00:00+01:00", moved.json().path("start").asText());
        assertEquals("2026-03-23T11:00:00+01:00", moved.json().path("end").asText());
        assertEquals(2, moved.json().path("partySize").asInt());
        assertEquals(2, freeDoubles("2026-03-10", "2026-03-12"), "the old nights are free again");
        assertEquals(1, freeDoubles("2026-03-20", "2026-03-23"));
        JsonNode history = desk.get("/api/staff/bookings/" + lena + "/history").json();
        assertEquals(
                "stay 2026-03-10–2026-03-12 → 2026-03-20–2026-03-23, guests 1 → 2",
                history.at("/1/detail").asText());
    }

    @Test
    void aLongerStayNeedsARoomOnTheNewNightsButNotTwiceOnItsOwn() {
        startAt(LocalDateTime.of(2026, 3, 9, 9, 0));
        long lena = stay("2026-03-10", "2026-03-12", "Lena");
        stay("2026-03-12", "2026-03-14", "Max");
        stay("2026-03-12", "2026-03-13", "Ola"); // both rooms are taken on the night of the 12th

        assertEquals(
                200,
                patch(lena, "{\"checkIn\": \"2026-03-11\"}").status(),
                "a shorter stay inside its own nights: only the stay itself held them");
        Response longer = patch(lena, "{\"checkOut\": \"2026-03-13\"}");

        assertEquals(409, longer.status(), longer.body());
        assertEquals("no_room_free", longer.errorCode());
        assertTrue(longer.json().at("/error/alternatives").size() > 0, "nearest dates with a room");
        assertEquals(
                "2026-03-12T11:00:00+01:00",
                desk.get("/api/staff/bookings/" + lena).json().path("end").asText(),
                "a refused change changes nothing");
    }

    @Test
    void aCheckedInGuestMayStayLongerButNotArriveAgain() {
        startAt(LocalDateTime.of(2026, 3, 10, 16, 0));
        long lena = stay("2026-03-10", "2026-03-12", "Lena");
        assertEquals(
                200,
                patch(lena, "{\"status\": \"checked_in\", \"roomNumber\": \"101\"}")
                        .status());

        Response extended = patch(lena, "{\"checkOut\": \"2026-03-15\"}");

        assertEquals(200, extended.status(), extended.body());
        assertEquals("checked_in", extended.json().path("status").asText());
        assertEquals("101", extended.json().path("roomNumber").asText());
        assertEquals("2026-03-15T11:00:00+01:00", extended.json().path("end").asText());
        assertEquals("not_movable", patch(lena, "{\"checkIn\": \"2026-03-11\"}").errorCode());
        assertEquals(
                "in_the_past",
                patch(lena, "{\"checkOut\": \"2026-03-10\"}").errorCode(),
                "leaving today is checking out");
    }

    @Test
    void longStaysBookedWeeksAgoStillHoldTheirLastNights() {
        startAt(LocalDateTime.of(2026, 3, 9, 9, 0));
        stay("2026-03-10", "2026-04-08", "Lena");
        long max = stay("2026-03-12", "2026-03-13", "Max");

        assertEquals(1, freeDoubles("2026-04-06", "2026-04-07"), "Lena's 29 nights reach into April");
        assertEquals(200, patch(max, "{\"checkOut\": \"2026-04-10\"}").status(), "a stay that grows longer");
        assertEquals(0, freeDoubles("2026-04-07", "2026-04-08"));
        assertEquals(1, freeDoubles("2026-04-08", "2026-04-10"));
        assertEquals(
                "no_room_free",
                desk.postJson(
                                "/api/staff/bookings",
                                "{\"roomTypeId\": \"double\", \"checkIn\": \"2026-04-07\", \"checkOut\":"
                                        + " \"2026-04-08\", \"guests\": 1, \"contact\": {\"name\": \"Ola\"}}")
                        .errorCode());
    }

    @Test
    void wrongFieldsForTheKindOfBookingAreRefused() {
        startAt(LocalDateTime.of(2026, 3, 9, 9, 0));
        long lena = stay("2026-03-10", "2026-03-12", "Lena");
        Response massage = desk.postJson(
                "/api/staff/bookings",
                "{\"serviceId\": \"massage-60\", \"start\": \"2026-03-10T10:00\", \"partySize\": 1,"
                        + " \"contact\": {\"name\": \"Ana\"}}");

        assertEquals(
                "not_a_service",
                patch(lena, "{\"start\": \"2026-03-10T10:00\"}").errorCode());
        assertEquals(
                "not_a_stay",
                patch(massage.json().path("id").asLong(), "{\"checkOut\": \"2026-03-12\"}")
                        .errorCode());
        assertEquals("too_many_guests", patch(lena, "{\"partySize\": 3}").errorCode());
        Response backwards = patch(lena, "{\"checkIn\": \"2026-03-12\", \"checkOut\": \"2026-03-11\"}");
        assertEquals(400, backwards.status());
        assertEquals(
                "must be after checkIn",
                backwards.json().at("/error/fields/checkOut").asText());
        assertEquals(400, patch(lena, "{\"checkIn\": \"next week\"}").status());
        assertEquals("in_the_past", patch(lena, "{\"checkIn\": \"2026-03-08\"}").errorCode());
        assertEquals("empty_stay", patch(lena, "{\"checkIn\": \"2026-03-12\"}").errorCode());
    }
}
