package dev.concierge.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.StaffSession;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The auth matrix: who may call a staff route, and what everybody else gets. */
class StaffAccessIT {
    @TempDir
    static Path dataDir;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.demo(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void demoAccountsArePrintedOnceAndLogIn() {
        StaffSession session = server.client().login(server.demoLogin("owner")[0], server.demoLogin("owner")[1]);

        assertEquals("owner", session.role());
        assertTrue(session.token().startsWith("cst_"));
        assertNotNull(session.expiresAt());
    }

    @Test
    void noTokenIs401() {
        Response response = server.http().get("/api/staff/keys");

        assertEquals(401, response.status());
        assertEquals("missing_token", response.errorCode());
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    @Test
    void anUnknownTokenIs401() {
        assertEquals(
                "invalid_token",
                server.http().bearer("cst_made-up").get("/api/staff/me").errorCode());
        assertEquals(
                401,
                server.http().bearer("not-even-a-token").get("/api/staff/me").status());
    }

    @Test
    void aTokenEndsWithLogout() {
        String token = server.tokenFor("front_desk");
        RawHttp desk = server.http().bearer(token);
        assertEquals(200, desk.get("/api/staff/me").status());

        assertEquals(204, desk.send("POST", "/api/staff/logout", null, null).status());

        Response after = desk.get("/api/staff/me");
        assertEquals(401, after.status());
        assertEquals("session_ended", after.errorCode());
    }

    @ParameterizedTest(name = "{0} on {1} {2} → {3}")
    @CsvSource({
        "front_desk, GET, /api/staff/me, 200",
        "front_desk, GET, /api/staff/keys, 403",
        "manager, GET, /api/staff/keys, 200",
        "owner, GET, /api/staff/keys, 200",
        "front_desk, DELETE, /api/staff/keys/key_000000000000, 403",
        "manager, DELETE, /api/staff/keys/key_000000000000, 404",
        "manager, GET, /api/staff/support-bundle, 403",
        "owner, GET, /api/staff/support-bundle, 200",
    })
    void eachRoleReachesWhatItMay(String role, String method, String path, int status) {
        Response response = server.http().bearer(server.tokenFor(role)).send(method, path, null, null);

        assertEquals(status, response.status(), response.body());
        if (status == 403) {
            assertEquals("forbidden", response.errorCode());
        }
    }

    @Test
    void aTokenExpiresAfterAShift(@org.junit.jupiter.api.io.TempDir Path ownDir) {
        LocalDateTime morning = LocalDateTime.of(2026, 3, 10, 7, 0);
        ServerSettings settings = ServerSettings.defaults(ownDir).withDemo(true).withFrozenNow(morning);
        String token;
        try (TestServer early = TestServer.start(settings)) {
            token = early.tokenFor("front_desk");
            assertEquals(200, early.http().bearer(token).get("/api/staff/me").status());
        }
        try (TestServer stillShift = TestServer.start(settings.withFrozenNow(morning.plusHours(11)))) {
            assertEquals(
                    200, stillShift.http().bearer(token).get("/api/staff/me").status());
        }
        try (TestServer nextDay = TestServer.start(settings.withFrozenNow(morning.plusHours(13)))) {
            Response response = nextDay.http().bearer(token).get("/api/staff/me");

            assertEquals(401, response.status());
            assertEquals("session_expired", response.errorCode());
        }
    }
}
