package dev.concierge.web;

import static dev.concierge.jooq.Tables.CONVERSATION;
import static dev.concierge.jooq.Tables.MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public API against the open internet, on a real server: browser origins per key (CORS), rate limits per
 * address and per conversation with 429 and Retry-After, refused requests storing nothing, security headers and
 * request ids on every answer.
 */
class PublicApiHardeningIT {
    private static final String HOTEL = "https://www.miramar.example";
    private static final String ELSEWHERE = "https://copycat.example";

    @TempDir
    Path dataDir;

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Map<String, String> environment) {
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withFrozenNow(LocalDateTime.of(2026, 3, 10, 12, 0))
                .withEnvironment(environment));
        // the demo page's key may be used from anywhere; these tests are about keys bound to one site
        RawHttp manager = server.http().bearer(server.tokenFor("manager"));
        for (var key :
                server.client().withStaffToken(server.tokenFor("manager")).publicKeys()) {
            assertEquals(204, manager.delete("/api/staff/keys/" + key.id()).status());
        }
    }

    private String key(List<String> origins) {
        return server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Website", origins))
                .key();
    }

    private static String chat(String conversationId, String message) {
        String id = conversationId.isEmpty() ? "" : "\"conversationId\": \"" + conversationId + "\", ";
        return "{" + id + "\"message\": \"" + message + "\", \"channel\": \"web\"}";
    }

    @Test
    void aPreflightFromTheHotelsSiteIsAnsweredAndOneFromAnotherSiteIsRefused() {
        start(Map.of());
        key(List.of(HOTEL));
        RawHttp preflight = server.http()
                .with("Access-Control-Request-Method", "POST")
                .with("Access-Control-Request-Headers", "content-type, x-concierge-key");

        RawHttp.Response allowed = preflight.with("Origin", HOTEL).send("OPTIONS", "/api/chat", null, null);
        RawHttp.Response refused = preflight.with("Origin", ELSEWHERE).send("OPTIONS", "/api/chat", null, null);

        assertEquals(204, allowed.status(), allowed.body());
        assertEquals(HOTEL, allowed.header("Access-Control-Allow-Origin"));
        assertTrue(allowed.header("Access-Control-Allow-Headers").contains("X-Concierge-Key"));
        assertTrue(allowed.header("Access-Control-Allow-Methods").contains("POST"));
        assertEquals("Origin", allowed.header("Vary"));
        assertEquals(403, refused.status(), refused.body());
        assertEquals("origin_not_allowed", refused.errorCode());
        assertNull(refused.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aKeyWorksFromItsOwnSiteAndIsRefusedFromAnother() {
        start(Map.of());
        RawHttp website = server.http().with("X-Concierge-Key", key(List.of(HOTEL)));

        RawHttp.Response home = website.with("Origin", HOTEL).postJson("/api/chat", chat("", "Hello"));
        RawHttp.Response copied = website.with("Origin", ELSEWHERE).postJson("/api/chat", chat("", "Hello"));

        assertEquals(200, home.status(), home.body());
        assertEquals(HOTEL, home.header("Access-Control-Allow-Origin"));
        assertTrue(home.header("Access-Control-Expose-Headers").contains("Retry-After"));
        assertEquals(403, copied.status(), copied.body());
        assertEquals("origin_not_allowed", copied.errorCode());
        assertNull(copied.header("Access-Control-Allow-Origin"));
        assertEquals(1, server.dsl().fetchCount(CONVERSATION), "the refused request started no conversation");
    }

    @Test
    void anOriginNamedInCorsOriginMayCallTheApiWithoutAKeyOfItsOwn() {
        start(Map.of("CORS_ORIGIN", "https://desk.miramar.example/, https://other.example"));
        key(List.of(HOTEL));

        RawHttp.Response preflight = server.http()
                .with("Origin", "https://desk.miramar.example")
                .with("Access-Control-Request-Method", "GET")
                .send("OPTIONS", "/api/staff/bookings", null, null);

        assertEquals(204, preflight.status(), preflight.body());
        assertEquals("https://desk.miramar.example", preflight.header("Access-Control-Allow-Origin"));
    }

    @Test
    void oneAddressSendingTooManyRequestsGets429WithRetryAfterAndStoresNothing() {
        start(Map.of("RATE_LIMIT_MAX_REQUESTS", "5", "RATE_LIMIT_WINDOW_MS", "60000"));
        RawHttp website = server.http().with("X-Concierge-Key", key(List.of()));
        for (int i = 0; i < 5; i++) {
            assertEquals(200, website.postJson("/api/chat", chat("", "Hello")).status());
        }
        int messages = server.dsl().fetchCount(MESSAGE);

        RawHttp.Response refused = website.postJson("/api/chat", chat("", "Hello"));
        RawHttp.Response desk = server.http()
                .bearer(server.tokenFor("front_desk"))
                .get("/api/availability?service=massage-60&date=2026-03-11&party=1");

        assertEquals(429, refused.status(), refused.body());
        assertEquals("too_many_requests", refused.errorCode());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(messages, server.dsl().fetchCount(MESSAGE), "nothing stored from the refused request");
        assertEquals(200, desk.status(), "staff are not counted against the address");
    }

    @Test
    void oneConversationSendingTooManyMessagesGets429AndOthersGoOn() {
        start(Map.of("RATE_LIMIT_CONVERSATION_MESSAGES", "3"));
        RawHttp website = server.http().with("X-Concierge-Key", key(List.of()));
        String id = website.postJson("/api/chat", chat("", "Hello"))
                .json()
                .path("conversationId")
                .asText();
        website.postJson("/api/chat", chat(id, "Is there parking?"));
        website.postJson("/api/chat", chat(id, "What time is check-out?"));
        int messages = server.dsl().fetchCount(MESSAGE);

        RawHttp.Response refused = website.postJson("/api/chat", chat(id, "And breakfast?"));
        RawHttp.Response another = website.postJson("/api/chat", chat("", "Hello"));

        assertEquals(429, refused.status(), refused.body());
        assertTrue(refused.header("Retry-After") != null);
        assertEquals(200, another.status(), another.body());
        assertEquals(messages + 2, server.dsl().fetchCount(MESSAGE), "only the other conversation's two lines");
    }

    @Test
    void aMessageTooLongIsRefusedWithItsFieldAndStoresNothing() {
        start(Map.of());
        RawHttp website = server.http().with("X-Concierge-Key", key(List.of()));

        RawHttp.Response refused = website.postJson("/api/chat", chat("", "a".repeat(2001)));

        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.json().at("/error/fields/message").asText().contains("2000"), refused.body());
        assertEquals(0, server.dsl().fetchCount(MESSAGE));
    }

    @Test
    void controlCharactersOrHalfASurrogatePairInAnyTextFieldAreRefusedAndStoreNothing() {
        start(Map.of());
        RawHttp website = server.http().with("X-Concierge-Key", key(List.of()));

        RawHttp.Response nul = website.postJson("/api/chat", "{\"message\": \"hi\\u0000\", \"channel\": \"web\"}");
        RawHttp.Response half = website.postJson("/api/chat", "{\"message\": \"\\ud800\", \"channel\": \"web\"}");
        RawHttp.Response fine =
                website.postJson("/api/chat", "{\"message\": \"Hola 😀\\n¿parking?\", \"channel\": \"web\"}");

        assertEquals(400, nul.status(), nul.body());
        assertEquals(
                "must be plain text, without control characters",
                nul.json().at("/error/fields/message").asText());
        assertEquals(400, half.status(), half.body());
        assertEquals(200, fine.status(), fine.body());
        assertEquals(2, server.dsl().fetchCount(MESSAGE), "only the good message and its reply");
    }

    @Test
    void whatJettyRefusesBeforeTheRoutesIsTheContractsJsonToo() {
        start(Map.of());

        RawHttp.Response nul = server.http().get("/api/staff/orders/%00");
        RawHttp.Response badUtf8 = server.http().get("/api/chat/%C0%AF");

        for (RawHttp.Response response : List.of(nul, badUtf8)) {
            assertEquals(400, response.status(), response.body());
            assertEquals("bad_request", response.errorCode(), response.body());
            assertTrue(response.header("Content-Type").startsWith("application/json"));
        }
    }

    @Test
    void anAddressJettyRefusesClosesTheConnectionAndSaysSoSoAClientNeverReusesIt() throws Exception {
        start(Map.of());

        // Jetty closes the connection after a request it cannot parse; without the header a keep-alive client sent
        // its next request down the dead connection and got no answer at all (seen in PublicApiFuzzIT)
        try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write("GET /api/staff/orders/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
            assertTrue(head.startsWith("http/1.1 400"), answer);
            assertTrue(head.contains("\r\nconnection: close"), answer);
        }
    }

    @Test
    void everyAnswerCarriesSecurityHeadersAndARequestId() {
        start(Map.of());

        RawHttp.Response health = server.http().get("/api/health");
        RawHttp.Response missing = server.http().get("/api/nothing-here");
        RawHttp.Response named =
                server.http().with("X-Request-Id", "proxy-4711").get("/api/health");
        RawHttp.Response odd = server.http().with("X-Request-Id", "<script>").get("/api/health");

        for (RawHttp.Response response : List.of(health, missing)) {
            assertEquals("nosniff", response.header("X-Content-Type-Options"));
            assertEquals("no-referrer", response.header("Referrer-Policy"));
            assertEquals("no-store", response.header("Cache-Control"));
            assertTrue(response.header("X-Request-Id").matches("[0-9a-f]{12}"), response.header("X-Request-Id"));
        }
        assertNotEquals(health.header("X-Request-Id"), missing.header("X-Request-Id"));
        assertEquals("proxy-4711", named.header("X-Request-Id"), "a plain id from a proxy is kept");
        assertTrue(odd.header("X-Request-Id").matches("[0-9a-f]{12}"), "markup is not an id");
    }

    @Test
    void aBadLimitInTheEnvironmentStopsTheStartWithAClearMessage() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> PublicLimits.fromEnvironment(Map.of("RATE_LIMIT_MAX_REQUESTS", "lots")::get));

        assertEquals("RATE_LIMIT_MAX_REQUESTS must be a whole number, not \"lots\"", refused.getMessage());
    }
}
