package dev.concierge.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bookings made in winter for dates past a DST change keep their venue-local times: 10:00 is 10:00 on the day, with
 * that day's offset (Madrid: +01:00 until 29 March 2026, +02:00 until 25 October). Availability on the day of a change
 * is in {@link ServiceAvailabilityTest}.
 */
class BookingAcrossDstIT {
    @TempDir
    Path dataDir;

    private TestServer server;
    private RawHttp desk;

    @BeforeEach
    void start() {
        Path venue = VenueBuilder.smallHotel().writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(LocalDateTime.of(2026, 3, 9, 9, 0)));
        desk = server.http().bearer(server.tokenFor("front_desk"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode book(String body) {
        Response booked = desk.postJson("/api/staff/bookings", body);
        assertEquals(201, booked.status(), booked.body());
        return booked.json();
    }

    private JsonNode massageAt(String localStart) {
        return book("{\"serviceId\": \"massage-60\", \"start\": \"" + localStart + "\", \"partySize\": 1,"
                + " \"contact\": {\"name\": \"Ana Pérez\"}}");
    }

    private JsonNode readBack(JsonNode booking) {
        return desk.get("/api/staff/bookings/" + booking.get("id").asLong()).json();
    }

    @Test
    void aSlotBookedInWinterForSummerTimeIsAtItsLocalHourWithTheSummerOffset() {
        JsonNode spring = massageAt("2026-04-02T10:00");
        JsonNode autumn = massageAt("2026-10-24T10:00");
        JsonNode winterAgain = massageAt("2026-10-26T10:00");

        assertEquals("2026-04-02T10:00:00+02:00", spring.get("start").asText());
        assertEquals("2026-04-02T11:00:00+02:00", spring.get("end").asText());
        assertEquals("2026-10-24T10:00:00+02:00", autumn.get("start").asText());
        assertEquals("2026-10-26T10:00:00+01:00", winterAgain.get("start").asText());
        for (JsonNode booking : new JsonNode[] {spring, autumn, winterAgain}) {
            assertEquals(booking.get("start"), readBack(booking).get("start"), "read back as stored");
        }
        JsonNode slots = server.http()
                .bearer(server.tokenFor("front_desk"))
                .get("/api/staff/bookings?from=2026-04-02&to=2026-04-02")
                .json();
        assertEquals(1, slots.size(), "it is on its local day: " + slots);
    }

    @Test
    void aStayOverTheNightTheClocksGoForwardArrivesAtThreeAndLeavesAtElevenLocal() {
        JsonNode stay = book("{\"roomTypeId\": \"double\", \"checkIn\": \"2026-03-28\", \"checkOut\": \"2026-03-30\","
                + " \"guests\": 2, \"contact\": {\"name\": \"Lena Berg\"}}");

        assertEquals("2026-03-28T15:00:00+01:00", stay.get("start").asText());
        assertEquals("2026-03-30T11:00:00+02:00", stay.get("end").asText());
        assertEquals(stay.get("end"), readBack(stay).get("end"));
    }
}
