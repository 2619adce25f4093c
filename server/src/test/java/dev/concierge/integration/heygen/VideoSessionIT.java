package dev.concierge.integration.heygen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.FakeHeyGen;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/video/session} against a local HeyGen: the token reaches the guest, the API key never does. */
class VideoSessionIT {
    private static final String KEY = "hg-secret-7c1d";

    @TempDir
    Path dataDir;

    private FakeHeyGen heygen;
    private TestServer server;

    private RawHttp start(Map<String, String> env) {
        server =
                TestServer.start(ServerSettings.defaults(dataDir).withDemo(true).withEnvironment(env));
        String key = server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Website", List.of()))
                .key();
        return server.http().with("X-Concierge-Key", key);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (heygen != null) {
            heygen.close();
        }
    }

    @Test
    void aGuestGetsASessionTokenMadeWithTheServersKey() {
        heygen = FakeHeyGen.start();
        RawHttp website = start(Map.of("HEYGEN_API_KEY", KEY, "HEYGEN_API_BASE", heygen.base()));

        Response session = website.postJson("/api/video/session", "");

        assertEquals(200, session.status(), session.body());
        assertEquals(FakeHeyGen.TOKEN, session.json().get("token").asText());
        assertEquals(List.of("POST " + KEY), heygen.requests());
        assertFalse(session.body().contains(KEY), "the key stays on the server");
        assertEquals(401, server.http().postJson("/api/video/session", "").status(), "a public key is needed");

        heygen.answers(500);
        Response failed = website.postJson("/api/video/session", "");
        assertEquals(502, failed.status(), failed.body());
        assertEquals("video_failed", failed.errorCode());
    }

    @Test
    void withoutAKeyVideoIsRefusedWith503() {
        Response refused = start(Map.of()).postJson("/api/video/session", "");
        assertEquals(503, refused.status(), refused.body());
        assertEquals("video_unavailable", refused.errorCode());
    }
}
