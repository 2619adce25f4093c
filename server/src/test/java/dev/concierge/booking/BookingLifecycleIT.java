package dev.concierge.booking;

import static dev.concierge.jooq.Tables.OUTBOX;
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

/** The desk moves bookings along their life: a one-therapist spa and two double rooms (101, 102). */
class BookingLifecycleIT {
    @TempDir
    Path dataDir;

    private TestServer server;
    private RawHttp desk;

    private void startAt(LocalDateTime now) {
        Path venue = VenueBuilder.smallHotel()
                .set("services[0].capacity", VenueBuilder.map("units", 1))
                .writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
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

    private JsonNode book(String body) {
        Response response = desk.postJson("/api/staff/bookings", body);
        assertEquals(201, response.status(), response.body());
        return response.json();
    }

    private static String massage(String start, String name, String phone) {
        return "{\"serviceId\": \"massage-60\", \"start\": \"" + start
                + "\", \"partySize\": 1, \"contact\": {\"name\": \"" + name + "\", \"phone\": \"" + phone + "\"}}";
    }

    private static String stay(String checkIn, String checkOut) {
        return "{\"roomTypeId\": \"double\", \"checkIn\": \"" + checkIn + "\", \"checkOut\": \"" + checkOut
                + "\", \"guests\": 2, \"contact\": {\"name\": \"Lena Berg\"}}";
    }

    private Response patch(long id, String body) {
        return desk.send("PATCH", "/api/staff/bookings/" + id, "application/json", body);
    }

    @Test
    void theDeskFindsBookingsByDayServiceStatusAndGuest() {
        startAt(LocalDateTime.of(2026, 3, 9, 9, 0));
        JsonNode ana = book(massage("2026-03-10T10:00", "Ana Pérez", "+34 612 000 300"));
        book(massage("2026-03-11T10:00", "Bob Smith", "+44 20 7946 0000"));
        book(stay("2026-03-10", "2026-03-12"));

        assertEquals(3, desk.get("/api/staff/bookings").json().size());
        assertEquals(
                2,
                desk.get("/api/staff/bookings?from=2026-03-10&to=2026-03-10")
                        .json()
                        .size());
        assertEquals(
                2, desk.get("/api/staff/bookings?service=massage-60").json().size());
        assertEquals(
                "Ana Pérez",
                desk.get("/api/staff/bookings?q=ana")
                        .json()
                        .at("/0/contact/name")
                        .asText());
        assertEquals(1, desk.get("/api/staff/bookings?q=612000300").json().size(), "a phone typed without spaces");
        assertEquals(
                ana.path("id").asLong(),
                desk.get("/api/staff/bookings?q="
                                + ana.path("reference").asText().toLowerCase())
                        .json()
                        .at("/0/id")
                        .asLong());
        assertEquals(0, desk.get("/api/staff/bookings?status=cancelled").json().size());
        assertEquals(400, desk.get("/api/staff/bookings?from=yesterday").status());
        assertEquals(404, desk.get("/api/staff/bookings/999999").status());
    }

    @Test
    void cancellingFreesTheSlotAndIsRecordedAndAnnounced() {
        startAt(LocalDateTime.of(2026, 3, 9, 9, 0));
        JsonNode booking = book(massage("2026-03-10T10:00", "Ana Pérez", "+34 612 000 300"));
        long id = booking.path("id").asLong();

        Response cancelled = desk.send("POST", "/api/staff/bookings/" + id + "/cancel", null, null);

        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("cancelled", cancelled.json().path("status").asText());
        assertEquals(
                201,
                desk.postJson("/api/staff/bookings", massage("2026-03-10T10:00", "Carla", "600111222"))
                        .status(),
                "the slot is free again");
        JsonNode history = desk.get("/api/staff/bookings/" + id + "/history").json();
        assertEquals("created", history.at("/0/what").asText());
        assertEquals("cancelled", history.at("/1/what").asText());
        assertEquals("Front Desk", history.at("/1/staff").asText());
        assertTrue(server.dsl()
                .fetchExists(
                        OUTBOX,
                        OUTBOX.IDEMPOTENCY_KEY.eq(
                                "booking.cancelled:" + booking.path("reference").asText() + ":2")));
        assertEquals(409, patch(id, "{\"status\": \"confirmed\"}").status(), "a cancelled booking stays cancelled");
    }

    @Test
    void onlyTheMovesOfABookingsLifeAreAllowed() {
        startAt(LocalDateTime.of(2026, 3, 9, 9, 0));
        long id =
                book(massage("2026-03-10T10:00", "Ana", "600111222")).path("id").asLong();

        assertEquals(
                "illegal_transition",
                patch(id, "{\"status\": \"checked_in\", \"roomNumber\": \"101\"}")
                        .errorCode(),
                "a massage is not checked into");
        assertEquals(200, patch(id, "{\"status\": \"completed\"}").status());
        assertEquals(200, patch(id, "{\"status\": \"completed\"}").status(), "the same status again changes nothing");
        assertEquals(
                "illegal_transition", patch(id, "{\"status\": \"pending\"}").errorCode());
        assertEquals(400, patch(id, "{\"status\": \"archived\"}").status());
        assertEquals(200, patch(id, "{\"notes\": \"Prefers a firm massage\"}").status());
        assertEquals(
                "Prefers a firm massage",
                desk.get("/api/staff/bookings/" + id).json().path("notes").asText());
    }

    @Test
    void aBookingMovesOnlyToWhereThereIsRoomNotCountingItself() {
        startAt(LocalDateTime.of(2026, 3, 9, 9, 0));
        long ana =
                book(massage("2026-03-10T10:00", "Ana", "600111222")).path("id").asLong();
        book(massage("2026-03-10T12:00", "Bob", "600333444"));

        Response taken = patch(ana, "{\"start\": \"2026-03-10T12:00\"}");
        assertEquals(409, taken.status());
        assertEquals("slot_taken", taken.errorCode());
        assertEquals(
                200,
                patch(ana, "{\"start\": \"2026-03-10T10:00\", \"partySize\": 2}")
                        .status(),
                "staying at its own time is not a conflict with itself");

        Response moved = patch(ana, "{\"start\": \"2026-03-10T16:00\", \"contact\": {\"name\": \"Ana Pérez\"}}");

        assertEquals(200, moved.status(), moved.body());
        assertEquals("2026-03-10T16:00:00+01:00", moved.json().path("start").asText());
        assertEquals("Ana Pérez", moved.json().at("/contact/name").asText());
        assertEquals(
                201,
                desk.postJson("/api/staff/bookings", massage("2026-03-10T10:00", "Carla", "600555666"))
                        .status(),
                "the old time is free again");
        assertTrue(desk.get("/api/staff/bookings/" + ana + "/history")
                .json()
                .at("/2/detail")
                .asText()
                .contains("start 2026-03-10T10:00 → 2026-03-10T16:00"));
        assertEquals(
                "in_the_past", patch(ana, "{\"start\": \"2026-03-08T10:00\"}").errorCode());
    }

    @Test
    void aStayChecksIntoANumberedRoomAndAnEarlyDepartureGivesTheNightsBack() {
        startAt(LocalDateTime.of(2026, 3, 10, 16, 0));
        long first = book(stay("2026-03-10", "2026-03-14")).path("id").asLong();
        long second = book(stay("2026-03-10", "2026-03-12")).path("id").asLong();

        assertEquals(400, patch(first, "{\"status\": \"checked_in\"}").status(), "a room number is needed");
        assertEquals(
                "unknown_room",
                patch(first, "{\"status\": \"checked_in\", \"roomNumber\": \"999\"}")
                        .errorCode());
        Response checkedIn = patch(first, "{\"status\": \"checked_in\", \"roomNumber\": \"101\"}");
        assertEquals("101", checkedIn.json().path("roomNumber").asText());
        assertEquals(
                "room_occupied",
                patch(second, "{\"status\": \"checked_in\", \"roomNumber\": \"101\"}")
                        .errorCode());
        assertEquals(0, roomsFreeOn("2026-03-11"));

        Response left = patch(first, "{\"status\": \"checked_out\"}");

        assertEquals("checked_out", left.json().path("status").asText());
        assertEquals("2026-03-10T16:00:00+01:00", left.json().path("end").asText(), "left on the day of arrival");
        assertEquals(1, roomsFreeOn("2026-03-11"), "the nights not stayed are for sale again");
        assertEquals(2, roomsFreeOn("2026-03-13"), "both doubles: the second stay left on the 12th");
    }

    private int roomsFreeOn(String night) {
        String key = server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new dev.concierge.api.PublicKeyRequest("Site", java.util.List.of()))
                .key();
        LocalDateTime date = LocalDateTime.parse(night + "T00:00");
        return server.http()
                .with("X-Concierge-Key", key)
                .get("/api/availability/rooms?checkIn=" + night + "&checkOut="
                        + date.toLocalDate().plusDays(1))
                .json()
                .at("/rooms/0/available")
                .asInt();
    }
}
