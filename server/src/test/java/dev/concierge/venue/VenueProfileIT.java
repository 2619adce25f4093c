package dev.concierge.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.PublicKeyRequest;
import dev.concierge.api.VenueProfile;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/venue} gives clients the venue's clock and its catalogue as the venue file has them. */
class VenueProfileIT {
    @TempDir
    Path dataDir;

    @Test
    void theProfileCarriesTheVenuesClockAndWhatCanBeBookedAndOrdered() {
        Path venue = VenueBuilder.smallHotel()
                .set("services[0].deposit", 2000)
                .writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        try (TestServer server = TestServer.start(ServerSettings.defaults(dataDir)
                .withVenueFile(venue)
                .withDemo(true)
                .withFrozenNow(LocalDateTime.of(2026, 3, 10, 9, 0)))) {
            String key = server.client()
                    .withStaffToken(server.tokenFor("manager"))
                    .createPublicKey(new PublicKeyRequest("Kiosk page", List.of()))
                    .key();

            VenueProfile profile = server.client().withPublicKey(key).venue();

            assertEquals("2026-03-10T09:00+01:00", profile.now().toString(), "the frozen clock, in Madrid's offset");
            assertEquals(
                    List.of("massage-60", "dinner"),
                    profile.services().stream().map(VenueProfile.Service::id).toList());
            VenueProfile.Service massage = profile.services().get(0);
            assertEquals("Masaje de 60 minutos", massage.name().get("es"));
            assertEquals(60, massage.durationMinutes());
            assertEquals(8000L, massage.price());
            assertEquals(2000L, massage.deposit());
            assertEquals(null, profile.services().get(1).deposit());
            VenueProfile.RoomType room = profile.rooms().get(0);
            assertEquals(List.of("101", "102"), room.numbers());
            assertEquals(12000L, room.nightlyRate());
            VenueProfile.MenuItem sandwich = profile.menu().get(0);
            assertEquals("room-service", sandwich.category());
            assertEquals("11:00-23:00", sandwich.available());
            assertTrue(sandwich.name().containsKey("en"));
        }
    }

    @Test
    void theBrandColourTheManagerSetsReachesEveryClientAndABadOneChangesNothing() {
        try (TestServer server =
                TestServer.start(ServerSettings.defaults(dataDir).withDemo(true))) {
            RawHttp manager = server.http().bearer(server.tokenFor("manager"));
            String key = server.client()
                    .withStaffToken(server.tokenFor("manager"))
                    .createPublicKey(new PublicKeyRequest("Website", List.of()))
                    .key();
            RawHttp kiosk = server.http().with("X-Concierge-Key", key);
            assertTrue(
                    kiosk.get("/api/venue").json().path("brandColor").isMissingNode()
                            || kiosk.get("/api/venue").json().path("brandColor").isNull(),
                    "none until the venue sets one");

            Response set =
                    manager.send("PUT", "/api/staff/settings", "application/json", "{\"brandColor\": \"#1D5C8C\"}");
            assertEquals(200, set.status(), set.body());
            assertEquals("#1d5c8c", set.json().path("brandColor").asText());
            assertEquals(30, set.json().path("conversationRetentionDays").asInt(), "the rest unchanged");
            assertEquals(
                    "#1d5c8c", kiosk.get("/api/venue").json().path("brandColor").asText());

            Response bad = manager.send("PUT", "/api/staff/settings", "application/json", "{\"brandColor\": \"blue\"}");
            assertEquals(400, bad.status(), bad.body());
            assertTrue(bad.json().at("/error/fields/brandColor").isTextual(), bad.body());
            assertEquals(
                    "#1d5c8c", kiosk.get("/api/venue").json().path("brandColor").asText());

            Response desk = server.http()
                    .bearer(server.tokenFor("front_desk"))
                    .send("PUT", "/api/staff/settings", "application/json", "{\"brandColor\": \"#000000\"}");
            assertEquals(403, desk.status(), "the look of the venue is for managers");

            manager.send("PUT", "/api/staff/settings", "application/json", "{\"brandColor\": \"\"}");
            assertTrue(kiosk.get("/api/venue").json().path("brandColor").isNull()
                    || kiosk.get("/api/venue").json().path("brandColor").isMissingNode());
        }
    }
}
