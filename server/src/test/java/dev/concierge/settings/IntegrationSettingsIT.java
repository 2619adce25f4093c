package dev.concierge.settings;

import static dev.concierge.jooq.Tables.INTEGRATION_SETTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.FakeGoogle;
import dev.concierge.testing.FakeHeyGen;
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
    void theGoogleTestGetsATokenThenReadsTheCalendarAndTheSheetAndNamesThePartThatFailed() {
        try (FakeGoogle google = FakeGoogle.start();
                FakeGoogle otherAccount = FakeGoogle.start()) {
            server = TestServer.start(ServerSettings.defaults(dataDir)
                    .withDemo(true)
                    .withEnvironment(Map.of("GOOGLE_API_ROOT_URL", google.rootUrl())));
            RawHttp owner = server.http().bearer(server.tokenFor("owner"));
            RawHttp manager = server.http().bearer(server.tokenFor("manager"));
            JsonNode unset =
                    manager.postJson("/api/staff/integrations/google/test", "").json();
            assertFalse(unset.get("ok").asBoolean());
            assertTrue(unset.get("message").asText().contains("GOOGLE_SERVICE_ACCOUNT_KEY"), unset.toString());
            owner.send(
                    "PUT",
                    "/api/staff/integrations",
                    "application/json",
                    json(Map.of(
                            "GOOGLE_SERVICE_ACCOUNT_KEY", google.serviceAccountKey(),
                            "GOOGLE_CALENDAR_ID", "desk@group.calendar.google.com",
                            "GOOGLE_SHEETS_ID", "sheet-crm-1")));

            Response passed = manager.postJson("/api/staff/integrations/google/test", "");
            assertEquals(200, passed.status(), passed.body());
            assertTrue(passed.json().get("ok").asBoolean(), passed.body());
            assertTrue(passed.json().get("message").asText().contains("calendar and reads the spreadsheet"));
            assertEquals(1, google.requests("calendar.events.list").size());
            assertEquals(1, google.requests("sheets.spreadsheets.get").size());
            assertTrue(
                    google.requests().stream()
                            .allMatch(request -> request.httpMethod().equals("GET")
                                    || request.path().equals("/token")),
                    "reads only: " + google.requests());
            assertEquals(List.of(), google.problems(), "the calls are Google's methods as the discovery documents say");

            google.failNext("sheets.spreadsheets.get", 404, null);
            JsonNode noSheet =
                    manager.postJson("/api/staff/integrations/google/test", "").json();
            assertFalse(noSheet.get("ok").asBoolean());
            assertTrue(noSheet.get("message").asText().contains("Google Sheets answered 404"), noSheet.toString());
            assertTrue(noSheet.get("message").asText().contains("GOOGLE_SHEETS_ID"), noSheet.toString());

            google.failNext("calendar.events.list", 403, null);
            JsonNode noCalendar =
                    manager.postJson("/api/staff/integrations/google/test", "").json();
            assertFalse(noCalendar.get("ok").asBoolean());
            assertTrue(
                    noCalendar.get("message").asText().contains("Google Calendar answered 403"), noCalendar.toString());

            // a key this token endpoint did not issue: its signature does not verify
            String foreignKey = otherAccount
                    .serviceAccountKey()
                    .replace(otherAccount.rootUrl() + "token", google.rootUrl() + "token");
            owner.send(
                    "PUT",
                    "/api/staff/integrations",
                    "application/json",
                    json(Map.of("GOOGLE_SERVICE_ACCOUNT_KEY", foreignKey)));
            int readsBefore = google.requests("calendar.events.list").size();
            JsonNode refused =
                    manager.postJson("/api/staff/integrations/google/test", "").json();
            assertFalse(refused.get("ok").asBoolean());
            assertTrue(
                    refused.get("message").asText().startsWith("Getting an access token failed"), refused.toString());
            assertTrue(refused.get("message").asText().contains("refused"), refused.toString());
            assertEquals(readsBefore, google.requests("calendar.events.list").size(), "no read without a token");

            google.stopListening();
            JsonNode down =
                    manager.postJson("/api/staff/integrations/google/test", "").json();
            assertFalse(down.get("ok").asBoolean());
            assertTrue(down.get("message").asText().contains("token_uri could not be reached"), down.toString());
        }
    }

    @Test
    void theHeyGenTestAsksForASessionTokenWithTheKey() {
        try (FakeHeyGen heygen = FakeHeyGen.start()) {
            server = TestServer.start(ServerSettings.defaults(dataDir)
                    .withDemo(true)
                    .withEnvironment(Map.of("HEYGEN_API_BASE", heygen.base())));
            RawHttp owner = server.http().bearer(server.tokenFor("owner"));
            RawHttp manager = server.http().bearer(server.tokenFor("manager"));
            JsonNode unset =
                    manager.postJson("/api/staff/integrations/heygen/test", "").json();
            assertFalse(unset.get("ok").asBoolean());
            assertTrue(unset.get("message").asText().contains("HEYGEN_API_KEY is not set"), unset.toString());
            owner.send(
                    "PUT", "/api/staff/integrations", "application/json", json(Map.of("HEYGEN_API_KEY", "hg-key-51")));

            Response passed = manager.postJson("/api/staff/integrations/heygen/test", "");
            assertEquals(200, passed.status(), passed.body());
            assertTrue(passed.json().get("ok").asBoolean(), passed.body());
            assertEquals(List.of("POST hg-key-51"), heygen.requests());
            assertFalse(passed.body().contains(FakeHeyGen.TOKEN), "the token is not handed out by a test");

            heygen.answers(401);
            JsonNode refused =
                    manager.postJson("/api/staff/integrations/heygen/test", "").json();
            assertFalse(refused.get("ok").asBoolean());
            assertTrue(refused.get("message").asText().contains("refused the key (401)"), refused.toString());

            heygen.close();
            JsonNode down =
                    manager.postJson("/api/staff/integrations/heygen/test", "").json();
            assertFalse(down.get("ok").asBoolean());
            assertTrue(down.get("message").asText().contains("could not be reached"), down.toString());
        }
    }

    /** An integrations PUT body. */
    private static String json(Map<String, String> values) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        ObjectNode named = body.putObject("values");
        values.forEach(named::put);
        return body.toString();
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
