package dev.concierge.integration.heygen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpServer;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/video/session} against a local HeyGen: the token reaches the guest, the API key never does. */
class VideoSessionIT {
    private static final String KEY = "hg-secret-7c1d";

    @TempDir
    Path dataDir;

    private HttpServer heygen;
    private final List<String> keysSeen = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger status = new AtomicInteger(200);
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

    private String fakeHeyGen() throws IOException {
        heygen = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        heygen.createContext("/v1/streaming.create_token", exchange -> {
            try (exchange) {
                keysSeen.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestHeaders().getFirst("x-api-key"));
                byte[] body =
                        "{\"error\": null, \"data\": {\"token\": \"tok_session_42\"}}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status.get(), body.length);
                exchange.getResponseBody().write(body);
            }
        });
        heygen.start();
        return "http://127.0.0.1:" + heygen.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (heygen != null) {
            heygen.stop(0);
        }
    }

    @Test
    void aGuestGetsASessionTokenMadeWithTheServersKey() throws IOException {
        RawHttp website = start(Map.of("HEYGEN_API_KEY", KEY, "HEYGEN_API_BASE", fakeHeyGen()));

        Response session = website.postJson("/api/video/session", "");

        assertEquals(200, session.status(), session.body());
        assertEquals("tok_session_42", session.json().get("token").asText());
        assertEquals(List.of("POST " + KEY), keysSeen);
        assertFalse(session.body().contains(KEY), "the key stays on the server");
        assertEquals(401, server.http().postJson("/api/video/session", "").status(), "a public key is needed");

        status.set(500);
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
