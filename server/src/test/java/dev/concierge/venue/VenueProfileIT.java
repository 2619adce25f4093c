package dev.concierge.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.PublicKeyRequest;
import dev.concierge.api.VenueProfile;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
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
}
