package dev.concierge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.Health;
import dev.concierge.testing.RawHttp.Response;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationsIT {
    @TempDir
    Path dataDir;

    @Test
    void healthReportsTheDatabaseAndWhichIntegrationsAreSet() {
        ServerSettings settings = ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withEnvironment(Map.of("STRIPE_SECRET_KEY", "sk_test_123", "N8N_WEBHOOK_URL", "http://127.0.0.1:1/"));
        try (TestServer server = TestServer.start(settings)) {
            Health health = server.client().health();

            assertEquals("ok", health.status());
            assertEquals("up", health.database());
            assertEquals("configured", health.integrations().get("stripe"));
            assertEquals("configured", health.integrations().get("n8n"));
            assertEquals("not_configured", health.integrations().get("googleCalendar"));
            assertEquals("local", health.integrations().get("assistant"));
            assertTrue(
                    !server.http().get("/api/health").body().contains("sk_test_123"), "secrets never leave the server");
        }
    }

    @Test
    void metricsCountRequestsByRoutePatternInPrometheusText() {
        try (TestServer server =
                TestServer.start(ServerSettings.defaults(dataDir).withDemo(true))) {
            server.http().get("/api/health");
            server.http().get("/api/health");
            server.http().get("/api/staff/keys");

            Response metrics = server.http().get("/metrics");

            assertEquals(200, metrics.status());
            assertTrue(metrics.header("Content-Type").startsWith("text/plain"), metrics.header("Content-Type"));
            assertTrue(
                    metrics.body()
                            .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/health\","
                                    + "status=\"200\"} 2"),
                    metrics.body());
            assertTrue(metrics.body().contains("route=\"/api/staff/keys\",status=\"401\""));
            assertTrue(metrics.body().contains("jvm_memory_used_bytes"));
        }
    }

    @Test
    void theOwnerAccountComesFromTheEnvironmentOnlyOnTheFirstStart() {
        ServerSettings settings = ServerSettings.defaults(dataDir).withOwner("Owner@Hotel.example", "first passphrase");
        try (TestServer server = TestServer.start(settings)) {
            assertEquals(
                    "owner",
                    server.client()
                            .login("owner@hotel.example", "first passphrase")
                            .role());
        }
        try (TestServer server = TestServer.start(settings.withOwner("owner@hotel.example", "second passphrase"))) {
            assertEquals(
                    401,
                    server.http()
                            .postJson(
                                    "/api/staff/login",
                                    "{\"email\":\"owner@hotel.example\",\"password\":\"second passphrase\"}")
                            .status(),
                    "an existing owner's password is not reset by the environment");
        }
    }

    @Test
    void withoutAccountsOrDemoNobodyCanLogIn() {
        try (TestServer server = TestServer.start(ServerSettings.defaults(dataDir))) {
            // no account and no password printed: only where it runs and the one-time setup code for the owner
            assertTrue(
                    server.console()
                            .replaceAll("Concierge is running at \\S+\\s*", "")
                            .matches("No staff accounts yet\\. Create the owner in the console with the setup code"
                                    + " [A-Z2-9]{4}-[A-Z2-9]{4} \\(or at http://localhost:[0-9]+/setup[^\\n]*\\R"),
                    server.console());
            assertEquals(
                    401,
                    server.http()
                            .postJson("/api/staff/login", "{\"email\":\"admin@x.example\",\"password\":\"admin\"}")
                            .status());
            Response venue = server.http().bearer("cst_x").get("/api/staff/me");
            assertEquals(401, venue.status());
        }
    }
}
