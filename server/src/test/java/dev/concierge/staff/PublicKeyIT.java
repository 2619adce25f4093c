package dev.concierge.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiClient;
import dev.concierge.api.PublicKeyCreated;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.api.VenueProfile;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp.Response;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicKeyIT {
    @TempDir
    static Path dataDir;

    private static TestServer server;
    private static ApiClient manager;

    @BeforeAll
    static void start() {
        server = TestServer.demo(dataDir);
        manager = server.client().withStaffToken(server.tokenFor("manager"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPublicRouteRefusesAMissingKey() {
        Response response = server.http().get("/api/venue");

        assertEquals(401, response.status());
        assertEquals("missing_key", response.errorCode());
    }

    @Test
    void signedInStaffMayCallPublicRoutesButNotWithABadToken() {
        assertEquals(
                200,
                server.http()
                        .bearer(server.tokenFor("front_desk"))
                        .get("/api/venue")
                        .status(),
                "the console reads the venue and availability too");
        Response forged = server.http().bearer("not-a-token").get("/api/venue");
        assertEquals(401, forged.status());
    }

    @Test
    void aValidKeyOpensPublicRoutesAndIsShownOnlyOnce() {
        PublicKeyCreated created = manager.createPublicKey(new PublicKeyRequest("Website", List.of()));

        VenueProfile venue = server.client().withPublicKey(created.key()).venue();

        assertEquals("Hotel Miramar", venue.name());
        assertTrue(manager.publicKeys().stream().anyMatch(k -> k.id().equals(created.id())));
        assertFalse(
                server.http()
                        .bearer(server.tokenFor("manager"))
                        .get("/api/staff/keys")
                        .body()
                        .contains(created.key()),
                "the list never shows a key");
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        PublicKeyCreated created = manager.createPublicKey(new PublicKeyRequest("Old site", List.of()));
        manager.delete("/api/staff/keys/" + created.id());

        Response response = server.http().with("X-Concierge-Key", created.key()).get("/api/venue");

        assertEquals(401, response.status());
        assertEquals("invalid_key", response.errorCode());
    }

    @Test
    void aKeyWorksOnlyFromItsOrigins() {
        PublicKeyCreated created =
                manager.createPublicKey(new PublicKeyRequest("Main site", List.of("https://www.miramar.example")));

        Response fromHome = server.http()
                .with("X-Concierge-Key", created.key())
                .with("Origin", "https://www.miramar.example")
                .get("/api/venue");
        Response fromElsewhere = server.http()
                .with("X-Concierge-Key", created.key())
                .with("Origin", "https://copycat.example")
                .get("/api/venue");

        assertEquals(200, fromHome.status());
        assertEquals(403, fromElsewhere.status());
        assertEquals("origin_not_allowed", fromElsewhere.errorCode());
    }

    @Test
    void anUnknownKeyIs401() {
        assertEquals(
                401,
                server.http()
                        .with("X-Concierge-Key", "cpk_made-up")
                        .get("/api/venue")
                        .status());
    }
}
