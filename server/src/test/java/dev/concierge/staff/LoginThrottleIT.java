package dev.concierge.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginThrottleIT {
    @TempDir
    Path dataDir;

    private static String login(String email, String password) {
        return "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}";
    }

    @Test
    void repeatedFailuresLockTheAccountWithRetryAfter() {
        try (TestServer server = TestServer.demo(dataDir)) {
            String[] desk = server.demoLogin("front_desk");
            RawHttp http = server.http();
            for (int i = 0; i < LoginThrottle.FAILURES_PER_ACCOUNT; i++) {
                assertEquals(
                        401,
                        http.postJson("/api/staff/login", login(desk[0], "guess-" + i))
                                .status());
            }

            Response locked = http.postJson("/api/staff/login", login(desk[0], desk[1]));

            assertEquals(429, locked.status(), "even the right password waits: the guesser must not learn it");
            assertEquals("too_many_requests", locked.errorCode());
            String retryAfter = locked.header("Retry-After");
            assertNotNull(retryAfter);
            assertTrue(Long.parseLong(retryAfter) > 0, retryAfter);

            String[] owner = server.demoLogin("owner");
            assertEquals(
                    200,
                    http.postJson("/api/staff/login", login(owner[0], owner[1])).status(),
                    "another account at the same desk still logs in");
        }
    }

    @Test
    void manyFailuresFromOneAddressAreThrottledWhateverTheAccount() {
        try (TestServer server = TestServer.demo(dataDir)) {
            RawHttp http = server.http();
            for (int i = 0; i < LoginThrottle.FAILURES_PER_ADDRESS; i++) {
                assertEquals(
                        401,
                        http.postJson("/api/staff/login", login("nobody" + i + "@x.example", "x"))
                                .status());
            }

            Response response = http.postJson("/api/staff/login", login("someone-else@x.example", "x"));

            assertEquals(429, response.status());
        }
    }
}
