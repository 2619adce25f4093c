package dev.concierge.booking;

import static dev.concierge.jooq.Tables.BOOKING;
import static dev.concierge.jooq.Tables.BOOKING_CHANGE;
import static dev.concierge.jooq.Tables.OUTBOX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Booking service slots over HTTP on a real server: a one-therapist spa, seen on Monday 9 March 2026, 09:00. */
class BookingIT {
    @TempDir
    Path dataDir;

    private TestServer server;
    private RawHttp guest;
    private String key;

    @BeforeEach
    void start() {
        Path venue = VenueBuilder.smallHotel()
                .set("services[0].capacity", VenueBuilder.map("units", 1))
                .writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(LocalDateTime.of(2026, 3, 9, 9, 0)));
        key = server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Website", List.of()))
                .key();
        guest = server.http().with("X-Concierge-Key", key);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String massageAt(String start) {
        return "{\"serviceId\": \"massage-60\", \"start\": \"" + start + "\", \"partySize\": 1,"
                + " \"contact\": {\"name\": \"Ana Pérez\", \"email\": \"ana@example.com\"}}";
    }

    @Test
    void aGuestSeesFreeTimesBooksOneAndItIsGone() {
        JsonNode before = guest.get("/api/availability?service=massage-60&date=2026-03-10")
                .json();
        assertEquals("2026-03-10T10:00:00+01:00", before.at("/slots/0/start").asText());
        assertEquals(1, before.at("/slots/0/remaining").asInt());

        Response booked = guest.postJson("/api/reservations", massageAt("2026-03-10T10:00"));

        assertEquals(201, booked.status(), booked.body());
        JsonNode booking = booked.json();
        assertTrue(booking.path("reference").asText().matches("HT-[A-HJ-NP-Z2-9]{4}"), booking.toString());
        assertEquals("confirmed", booking.path("status").asText());
        assertEquals("web", booking.path("source").asText());
        assertEquals("2026-03-10T11:00:00+01:00", booking.path("end").asText());
        JsonNode after = guest.get("/api/availability?service=massage-60&date=2026-03-10")
                .json();
        assertEquals("2026-03-10T12:00:00+01:00", after.at("/slots/0/start").asText(), "11:00 is in the buffer");

        long id = booking.path("id").asLong();
        assertEquals(1, server.dsl().fetchCount(BOOKING_CHANGE, BOOKING_CHANGE.BOOKING_ID.eq(id)));
        assertEquals(
                "booking.created:" + booking.path("reference").asText() + ":1",
                server.dsl().select(OUTBOX.IDEMPOTENCY_KEY).from(OUTBOX).fetchSingle(OUTBOX.IDEMPOTENCY_KEY),
                "the event was written with the booking");
    }

    @Test
    void aTakenSlotIs409WithTheNearestFreeTimes() {
        assertEquals(
                201,
                guest.postJson("/api/reservations", massageAt("2026-03-10T12:00"))
                        .status());

        Response taken = guest.postJson("/api/reservations", massageAt("2026-03-10T12:00+01:00"));

        assertEquals(409, taken.status());
        assertEquals("slot_taken", taken.errorCode());
        JsonNode alternatives = taken.json().at("/error/alternatives");
        assertEquals(3, alternatives.size());
        assertEquals(
                "2026-03-10T10:00:00+01:00", alternatives.get(0).path("start").asText(), "an hour before");
        assertEquals(
                "2026-03-10T14:00:00+01:00", alternatives.get(1).path("start").asText(), "after the buffer");
    }

    @Test
    void whatCannotBeBookedSaysWhy() {
        assertEquals(
                "closed",
                guest.postJson("/api/reservations", massageAt("2026-12-25T10:00"))
                        .errorCode());
        assertEquals(
                "in_the_past",
                guest.postJson("/api/reservations", massageAt("2026-03-08T10:00"))
                        .errorCode());
        assertEquals(
                "outside_opening_hours",
                guest.postJson("/api/reservations", massageAt("2026-03-10T10:30"))
                        .errorCode());
        assertEquals(
                "outside_opening_hours",
                guest.postJson("/api/reservations", massageAt("2026-03-10T21:00"))
                        .errorCode());
        Response bigParty = guest.postJson(
                "/api/reservations",
                "{\"serviceId\": \"dinner\", \"start\": \"2026-03-10T20:00\", \"partySize\": 9,"
                        + " \"contact\": {\"name\": \"Big group\"}}");
        assertEquals(422, bigParty.status());
        assertEquals("party_too_large", bigParty.errorCode());
        assertEquals(
                404,
                guest.postJson(
                                "/api/reservations",
                                massageAt("2026-03-10T10:00").replace("massage-60", "yoga"))
                        .status());
        assertEquals(0, server.dsl().fetchCount(BOOKING), "nothing was booked");
    }

    @Test
    void badInputIs400WithPerFieldMessages() {
        Response response = guest.postJson(
                "/api/reservations", "{\"serviceId\": \"massage-60\", \"start\": \"tomorrow\", \"contact\": {}}");

        assertEquals(400, response.status());
        JsonNode fields = response.json().at("/error/fields");
        assertEquals(
                "must be a date-time like 2026-03-10T10:00",
                fields.path("start").asText());
        assertEquals("is required", fields.path("partySize").asText());
        assertEquals("is required", fields.path("contact.name").asText());
        Response noDate = guest.get("/api/availability?service=massage-60&date=10/03/2026&party=two");
        assertEquals(400, noDate.status());
        assertEquals(
                "must be a date like 2026-03-10",
                noDate.json().at("/error/fields/date").asText());
        assertEquals(
                "must be a whole number",
                noDate.json().at("/error/fields/party").asText());
        assertEquals(
                400,
                guest.postJson(
                                "/api/reservations",
                                massageAt("2026-03-10T10:00").replace("}}", "}, \"status\": \"confirmed\"}"))
                        .status(),
                "a guest cannot choose the status");
    }

    @Test
    void theLastUnitRacedBy64RequestsGivesOneBookingAnd63Conflicts() {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI reservations = server.uri().resolve("/api/reservations");
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            HttpRequest request = HttpRequest.newBuilder(reservations)
                    .header("Content-Type", "application/json")
                    .header("X-Concierge-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(massageAt("2026-03-10T15:00")))
                    .build();
            responses.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }

        List<Integer> statuses =
                responses.stream().map(r -> r.join().statusCode()).toList();

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(63, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, server.dsl().fetchCount(BOOKING));
    }

    @Test
    void theDeskBooksForAGuestAndIsRecordedAsTheAuthor() {
        RawHttp desk = server.http().bearer(server.tokenFor("front_desk"));

        Response booked = desk.postJson(
                "/api/staff/bookings", massageAt("2026-03-10T16:00").replace("}}", "}, \"status\": \"pending\"}"));

        assertEquals(201, booked.status(), booked.body());
        assertEquals("console", booked.json().path("source").asText());
        assertEquals("pending", booked.json().path("status").asText());
        Long author = server.dsl()
                .select(BOOKING_CHANGE.STAFF_ID)
                .from(BOOKING_CHANGE)
                .fetchSingle(BOOKING_CHANGE.STAFF_ID);
        assertTrue(author != null && author > 0, "the change names the staff account");
        assertEquals(
                401,
                server.http()
                        .postJson("/api/staff/bookings", massageAt("2026-03-10T17:00"))
                        .status());
    }
}
