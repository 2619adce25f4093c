package dev.concierge.booking;

import static dev.concierge.jooq.Tables.BOOKING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Room stays over HTTP: a hotel with two double rooms, seen on Monday 9 March 2026. */
class RoomStayIT {
    @TempDir
    Path dataDir;

    private TestServer server;
    private RawHttp guest;

    @BeforeEach
    void start() {
        Path venue = VenueBuilder.smallHotel().writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(LocalDateTime.of(2026, 3, 9, 9, 0)));
        String key = server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Website", List.of()))
                .key();
        guest = server.http().with("X-Concierge-Key", key);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String stay(String checkIn, String checkOut, int guests) {
        return "{\"roomTypeId\": \"double\", \"checkIn\": \"" + checkIn + "\", \"checkOut\": \"" + checkOut
                + "\", \"guests\": " + guests
                + ", \"contact\": {\"name\": \"Lena Berg\", \"phone\": \"+49 30 1234567\"}}";
    }

    @Test
    void offersTheRoomsThatFitWithTheirPrice() {
        JsonNode offers = guest.get(
                        "/api/availability/rooms?checkIn=2026-03-10&checkOut=2026-03-13&guests=2&language=es")
                .json();

        assertEquals(1, offers.path("rooms").size());
        JsonNode double_ = offers.at("/rooms/0");
        assertEquals("double", double_.path("roomTypeId").asText());
        assertEquals("Habitación doble", double_.path("name").asText());
        assertEquals(2, double_.path("available").asInt());
        assertEquals(12000, double_.at("/nightlyRate/amount").asLong());
        assertEquals(36000, double_.at("/total/amount").asLong(), "three nights");
        assertEquals("EUR", double_.at("/total/currency").asText());
        assertEquals(
                0,
                guest.get("/api/availability/rooms?checkIn=2026-03-10&checkOut=2026-03-13&guests=3")
                        .json()
                        .path("rooms")
                        .size(),
                "no room sleeps three");
    }

    @Test
    void theLastRoomGoesOnceAndTheCheckOutDayIsFreeForTheNextGuest() {
        assertEquals(
                201,
                guest.postJson("/api/reservations", stay("2026-03-10", "2026-03-13", 2))
                        .status());
        Response second = guest.postJson("/api/reservations", stay("2026-03-11", "2026-03-12", 1));
        assertEquals(201, second.status());
        assertEquals("2026-03-11T15:00:00+01:00", second.json().path("start").asText());
        assertEquals("2026-03-12T11:00:00+01:00", second.json().path("end").asText());

        Response full = guest.postJson("/api/reservations", stay("2026-03-11", "2026-03-14", 2));

        assertEquals(409, full.status());
        assertEquals("no_room_free", full.errorCode());
        assertEquals(
                "2026-03-12T15:00:00+01:00",
                full.json().at("/error/alternatives/0/start").asText(),
                "a day later: the second guest leaves on the 12th, so nights 12 to 14 have a double");
        assertEquals(
                201,
                guest.postJson("/api/reservations", stay("2026-03-13", "2026-03-15", 2))
                        .status());
        assertEquals(
                1,
                guest.get("/api/availability/rooms?checkIn=2026-03-13&checkOut=2026-03-14&guests=1")
                        .json()
                        .at("/rooms/0/available")
                        .asInt(),
                "one double left on the 13th");
    }

    @Test
    void whatCannotBeBookedSaysWhy() {
        assertEquals(
                "too_many_guests",
                guest.postJson("/api/reservations", stay("2026-03-10", "2026-03-11", 3))
                        .errorCode());
        assertEquals(
                "in_the_past",
                guest.postJson("/api/reservations", stay("2026-03-08", "2026-03-10", 2))
                        .errorCode());
        assertEquals(
                "stay_too_long",
                guest.postJson("/api/reservations", stay("2026-03-10", "2026-07-10", 2))
                        .errorCode());
        Response backwards = guest.postJson("/api/reservations", stay("2026-03-12", "2026-03-10", 2));
        assertEquals(400, backwards.status());
        assertEquals(
                "must be after checkIn",
                backwards.json().at("/error/fields/checkOut").asText());
        assertEquals(
                404,
                guest.postJson(
                                "/api/reservations",
                                stay("2026-03-10", "2026-03-11", 1).replace("double", "attic"))
                        .status());
        assertEquals(0, server.dsl().fetchCount(BOOKING));
    }

    @Test
    void sixteenGuestsRacingForTheLastTwoRoomsGetTwo() {
        List<CompletableFuture<Integer>> racing = IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> guest.postJson("/api/reservations", stay("2026-04-01", "2026-04-03", 2))
                                .status()))
                .toList();

        List<Integer> statuses = racing.stream().map(CompletableFuture::join).toList();

        assertEquals(2, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(14, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }
}
