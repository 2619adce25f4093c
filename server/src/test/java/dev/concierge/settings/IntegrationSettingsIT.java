package dev.concierge.settings;

import static dev.concierge.jooq.Tables.INTEGRATION_SETTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.FakeOpenAi;
import dev.concierge.testing.FakeStripe;
import dev.concierge.testing.OpenAiContract;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.WebhookReceiver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integration keys set from the console: stored sealed (never in plain text in the database, never shown again),
 * used from the next start, beneath the environment, which wins; only owners change them.
 */
class IntegrationSettingsIT {
    @TempDir
    Path dataDir;

    private TestServer server;
    private FakeStripe stripe;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    private static JsonNode setting(Response list, String name) {
        for (JsonNode setting : list.json().get("settings")) {
            if (setting.get("name").asText().equals(name)) {
                return setting;
            }
        }
        throw new AssertionError("no " + name + " in " + list.body());
    }

    @Test
    void aKeyStoredFromTheConsoleIsSealedShownByItsEndAndUsedFromTheNextStart() {
        stripe = FakeStripe.start();
        server = TestServer.demo(dataDir);
        RawHttp owner = server.http().bearer(server.tokenFor("owner"));
        String[] ownerLogin = server.demoLogin("owner");

        Response stored = owner.send(
                "PUT",
                "/api/staff/integrations",
                "application/json",
                "{\"values\": {\"STRIPE_SECRET_KEY\": \"sk_test_local_9f3a\"}}");
        assertEquals(200, stored.status(), stored.body());
        JsonNode key = setting(stored, "STRIPE_SECRET_KEY");
        assertEquals("console", key.get("source").asText());
        assertEquals("••••9f3a", key.get("shown").asText());
        assertTrue(stored.json().get("restartNeeded").asBoolean());
        assertFalse(stored.body().contains("sk_test_local"), stored.body());
        String row = server.dsl().fetchSingle(INTEGRATION_SETTING).getSealed();
        assertFalse(row.contains("sk_test"), "sealed in the database: " + row);
        assertEquals(
                "not_configured",
                server.http()
                        .get("/api/health")
                        .json()
                        .at("/integrations/stripe")
                        .asText(),
                "not before a restart");
        server.close();

        // the test Stripe's address can only come from the environment; the key comes from the database
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withFrozenNow(java.time.LocalDateTime.of(2026, 3, 10, 12, 0))
                .withEnvironment(Map.of("STRIPE_API_BASE", stripe.base())));
        String token = server.client().login(ownerLogin[0], ownerLogin[1]).token();
        RawHttp desk = server.http().bearer(token);
        Response order = desk.postJson(
                "/api/staff/orders",
                "{\"items\": [{\"itemId\": \"club-sandwich\", \"quantity\": 1}], \"payment\": {\"method\": \"card\"},"
                        + " \"table\": \"3\"}");
        assertEquals(201, order.status(), order.body());
        assertEquals(1, stripe.intents().size(), "the stored key reached Stripe");
        assertFalse(setting(desk.get("/api/staff/integrations"), "STRIPE_SECRET_KEY")
                .path("shown")
                .asText()
                .contains("sk_"));
        assertFalse(
                desk.get("/api/staff/integrations").json().get("restartNeeded").asBoolean());
    }

    @Test
    void connectionTestsTryStripeAndN8nWithTheSettingsOfTheNextStart() {
        stripe = FakeStripe.start();
        try (WebhookReceiver n8n = WebhookReceiver.start()) {
            server = TestServer.start(ServerSettings.defaults(dataDir)
                    .withDemo(true)
                    .withEnvironment(Map.of("STRIPE_API_BASE", stripe.base())));
            RawHttp owner = server.http().bearer(server.tokenFor("owner"));
            RawHttp manager = server.http().bearer(server.tokenFor("manager"));
            assertFalse(manager.postJson("/api/staff/integrations/stripe/test", "")
                    .json()
                    .get("ok")
                    .asBoolean());

            owner.send(
                    "PUT",
                    "/api/staff/integrations",
                    "application/json",
                    "{\"values\": {\"STRIPE_SECRET_KEY\": \"sk_test_console\", \"N8N_WEBHOOK_URL\": \"" + n8n.url()
                            + "\", \"N8N_WEBHOOK_SECRET\": \"" + n8n.secret() + "\"}}");

            Response stripeTest = manager.postJson("/api/staff/integrations/stripe/test", "");
            assertEquals(200, stripeTest.status(), stripeTest.body());
            assertTrue(stripeTest.json().get("ok").asBoolean(), stripeTest.body());
            assertEquals("/v1/balance", stripe.requests().get(0).path(), "a read that changes nothing");
            Response n8nTest = manager.postJson("/api/staff/integrations/n8n/test", "");
            assertTrue(n8nTest.json().get("ok").asBoolean(), n8nTest.body());
            assertEquals("concierge.test", n8n.received().get(0).type());
            assertEquals(List.of(), n8n.problems(), "signed as Standard Webhooks says");

            n8n.stopListening();
            JsonNode down =
                    manager.postJson("/api/staff/integrations/n8n/test", "").json();
            assertFalse(down.get("ok").asBoolean());
            assertTrue(down.get("message").asText().contains("could not be reached"), down.toString());
            owner.send(
                    "PUT",
                    "/api/staff/integrations",
                    "application/json",
                    "{\"values\": {\"STRIPE_SECRET_KEY\": \"rk_wrong\"}}");
            JsonNode refused =
                    manager.postJson("/api/staff/integrations/stripe/test", "").json();
            assertFalse(refused.get("ok").asBoolean());
            assertTrue(refused.get("message").asText().contains("refused the key"), refused.toString());
            assertEquals(
                    "no_connection_test",
                    manager.postJson("/api/staff/integrations/fax/test", "").errorCode());
        }
    }

    @Test
    void theOpenAiTestMakesOneChatCompletionWithTheConfiguredModel() {
        try (FakeOpenAi openAi = FakeOpenAi.start(OpenAiContract.fromSystemProperty())) {
            openAi.says("OK").fails(401);
            server = TestServer.start(ServerSettings.defaults(dataDir)
                    .withDemo(true)
                    .withEnvironment(Map.of("OPENAI_BASE_URL", openAi.baseUrl(), "OPENAI_MODEL", "gpt-test")));
            RawHttp owner = server.http().bearer(server.tokenFor("owner"));
            owner.send(
                    "PUT",
                    "/api/staff/integrations",
                    "application/json",
                    "{\"values\": {\"OPENAI_API_KEY\": \"sk-console-key\"}}");

            Response answered = owner.postJson("/api/staff/integrations/openai/test", "");
            assertEquals(200, answered.status(), answered.body());
            JsonNode ok = answered.json();
            JsonNode refused =
                    owner.postJson("/api/staff/integrations/openai/test", "").json();

            assertTrue(ok.get("ok").asBoolean(), ok.toString());
            assertEquals(
                    "gpt-test", openAi.requests().get(0).json().get("model").asText());
            assertEquals("Bearer sk-console-key", openAi.requests().get(0).header("Authorization"));
            assertFalse(refused.get("ok").asBoolean());
            assertTrue(refused.get("message").asText().contains("401"), refused.toString());
            assertEquals(List.of(), openAi.problems(), "the request is a chat completion as OpenAI describes it");
        }
    }

    @Test
    void theEnvironmentWinsOnlyOwnersChangeAndUnknownNamesAreRefused() {
        server = TestServer.start(
                ServerSettings.defaults(dataDir).withDemo(true).withEnvironment(Map.of("OPENAI_MODEL", "gpt-test")));
        RawHttp owner = server.http().bearer(server.tokenFor("owner"));
        RawHttp manager = server.http().bearer(server.tokenFor("manager"));

        Response listed = manager.get("/api/staff/integrations");
        assertEquals(200, listed.status(), listed.body());
        assertEquals(
                "environment", setting(listed, "OPENAI_MODEL").get("source").asText());
        assertEquals("gpt-test", setting(listed, "OPENAI_MODEL").get("shown").asText(), "a plain setting is shown");
        assertEquals("none", setting(listed, "N8N_WEBHOOK_URL").get("source").asText());

        String change = "{\"values\": {\"OPENAI_MODEL\": \"gpt-other\"}}";
        assertEquals(
                403,
                manager.send("PUT", "/api/staff/integrations", "application/json", change)
                        .status());
        owner.send("PUT", "/api/staff/integrations", "application/json", change);
        assertEquals(
                "gpt-test",
                setting(owner.get("/api/staff/integrations"), "OPENAI_MODEL")
                        .get("shown")
                        .asText(),
                "the environment still wins");

        Response unknown = owner.send(
                "PUT", "/api/staff/integrations", "application/json", "{\"values\": {\"STRIPE_API_BASE\": \"x\"}}");
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.json().at("/error/fields/values.STRIPE_API_BASE").isTextual(), unknown.body());

        owner.send(
                "PUT",
                "/api/staff/integrations",
                "application/json",
                "{\"values\": {\"N8N_WEBHOOK_URL\": \"https://n8n.example/hook\"}}");
        owner.send("PUT", "/api/staff/integrations", "application/json", "{\"values\": {\"N8N_WEBHOOK_URL\": \"\"}}");
        assertEquals(
                "none",
                setting(owner.get("/api/staff/integrations"), "N8N_WEBHOOK_URL")
                        .get("source")
                        .asText());
    }
}
