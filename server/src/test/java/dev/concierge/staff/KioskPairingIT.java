package dev.concierge.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.api.KioskRequest;
import dev.concierge.app.TestServer;
import dev.concierge.common.DomainException;
import dev.concierge.storage.Database;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pairing a lobby kiosk over HTTP: a manager makes a code, the kiosk redeems it once for a device token that works
 * as a public client until a manager unpairs the kiosk; wrong codes are counted and slowed down.
 */
class KioskPairingIT {
    @TempDir
    Path dataDir;

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String chat(String message) {
        return "{\"message\": \"" + message + "\", \"channel\": \"kiosk\"}";
    }

    @Test
    void aCodeFromTheDeskPairsAKioskOnceAndItsTokenWorksUntilTheKioskIsUnpaired() {
        server = TestServer.demo(dataDir);
        RawHttp manager = server.http().bearer(server.tokenFor("manager"));

        Response made = manager.postJson("/api/staff/kiosks", "{\"name\": \"Lobby\", \"readerId\": \"tmr_lobby1\"}");
        assertEquals(201, made.status(), made.body());
        String code = made.json().get("code").asText();
        assertTrue(code.matches("[A-Z2-9]{4}-[A-Z2-9]{4}"), code);
        assertEquals(
                "pairing",
                manager.get("/api/staff/kiosks").json().at("/0/status").asText());

        // typed at the kiosk: case, spaces and the dash do not matter
        String typed = " " + code.toLowerCase(Locale.ROOT).replace("-", " ") + " ";
        Response paired = server.http().postJson("/api/kiosk/pair", "{\"code\": \"" + typed + "\"}");
        assertEquals(200, paired.status(), paired.body());
        String token = paired.json().get("token").asText();
        assertEquals("Lobby", paired.json().get("name").asText());
        assertEquals(made.json().get("id"), paired.json().get("kioskId"));

        RawHttp kiosk = server.http().bearer(token);
        Response turn = kiosk.postJson("/api/chat", chat("What time is check-out?"));
        assertEquals(200, turn.status(), turn.body());
        assertTrue(turn.json().get("reply").asText().contains("11:00"), turn.body());
        assertEquals(403, kiosk.get("/api/staff/orders").status(), "a kiosk is not staff");

        Response again = server.http().postJson("/api/kiosk/pair", "{\"code\": \"" + code + "\"}");
        assertEquals(404, again.status(), "a code pairs one kiosk: " + again.body());
        assertEquals("pairing_code_not_found", again.errorCode());

        JsonNode listed = manager.get("/api/staff/kiosks").json().get(0);
        assertEquals("paired", listed.get("status").asText());
        assertEquals("tmr_lobby1", listed.get("readerId").asText());
        assertFalse(listed.toString().contains(token), "the token is never shown again");

        assertEquals(
                204,
                manager.delete("/api/staff/kiosks/" + listed.get("id").asText()).status());
        Response afterRevoke = kiosk.postJson("/api/chat", chat("Hello"));
        assertEquals(401, afterRevoke.status(), afterRevoke.body());
        assertEquals("invalid_device_token", afterRevoke.errorCode());
        assertEquals(0, manager.get("/api/staff/kiosks").json().size());
        assertEquals(
                404,
                manager.delete("/api/staff/kiosks/" + listed.get("id").asText()).status());
    }

    @Test
    void onlyManagersPairKiosksAndABadRequestChangesNothing() {
        server = TestServer.demo(dataDir);
        RawHttp desk = server.http().bearer(server.tokenFor("front_desk"));
        RawHttp manager = server.http().bearer(server.tokenFor("manager"));

        assertEquals(
                403, desk.postJson("/api/staff/kiosks", "{\"name\": \"Lobby\"}").status());
        Response badReader = manager.postJson("/api/staff/kiosks", "{\"name\": \"Lobby\", \"readerId\": \"reader 1\"}");
        assertEquals(400, badReader.status(), badReader.body());
        assertTrue(badReader.json().at("/error/fields/readerId").isTextual(), badReader.body());
        Response noName = manager.postJson("/api/staff/kiosks", "{}");
        assertEquals(400, noName.status(), noName.body());
        assertTrue(noName.json().at("/error/fields/name").isTextual(), noName.body());
        assertEquals(400, server.http().postJson("/api/kiosk/pair", "{}").status());
        assertEquals(0, manager.get("/api/staff/kiosks").json().size());
    }

    @Test
    void aKioskPairsByItselfWithADemoServerAndOnlyThere() {
        server = TestServer.demo(dataDir);
        Response paired = server.http().postJson("/api/kiosk/pair", "{\"code\": \"demo\"}");
        assertEquals(200, paired.status(), paired.body());
        RawHttp kiosk = server.http().bearer(paired.json().get("token").asText());
        assertEquals(200, kiosk.postJson("/api/chat", chat("Hello")).status());
        server.close();

        server = TestServer.start(dev.concierge.app.ServerSettings.defaults(dataDir));
        assertEquals(
                404,
                server.http()
                        .postJson("/api/kiosk/pair", "{\"code\": \"DEMO\"}")
                        .status());
    }

    @Test
    void wrongCodesFromOneAddressAreSlowedDownAfterTen() {
        server = TestServer.demo(dataDir);
        RawHttp manager = server.http().bearer(server.tokenFor("manager"));
        String code = manager.postJson("/api/staff/kiosks", "{\"name\": \"Lobby\"}")
                .json()
                .get("code")
                .asText();

        for (int i = 0; i < KioskService.FAILED_PAIRINGS_PER_ADDRESS; i++) {
            assertEquals(
                    404,
                    server.http()
                            .postJson("/api/kiosk/pair", "{\"code\": \"WXYZ-" + (2222 + i) + "\"}")
                            .status());
        }
        Response slowed = server.http().postJson("/api/kiosk/pair", "{\"code\": \"" + code + "\"}");
        assertEquals(429, slowed.status(), "even the right code waits now: " + slowed.body());
        assertTrue(slowed.header("Retry-After") != null);
        assertEquals(
                "pairing",
                manager.get("/api/staff/kiosks").json().at("/0/status").asText());
    }

    @Test
    void aCodeRunsOutAfterFifteenMinutes() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-10T09:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        try (Database database = Database.open(dataDir, null, null, null)) {
            KioskService kiosks = new KioskService(database.dsl(), clock);
            String code = kiosks.create(new KioskRequest("Lobby", null), null).code();

            now.set(now.get().plus(KioskService.CODE_VALID).plusSeconds(1));

            DomainException refused = assertThrows(DomainException.class, () -> kiosks.pair(code, "10.0.0.9"));
            assertEquals("pairing_code_not_found", refused.code());
            assertEquals("expired", kiosks.list().get(0).status());

            String fresh = kiosks.create(new KioskRequest("Lobby", null), null).code();
            now.set(now.get().plus(Duration.ofMinutes(14)));
            assertTrue(KioskService.isDeviceToken(kiosks.pair(fresh, "10.0.0.9").token()));
        }
    }
}
