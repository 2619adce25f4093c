package dev.concierge.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throws malformed and random input at every API route of a real server — wrong types, huge and strange strings,
 * bad UTF-8, deep JSON, path tricks — as a guest with a public key and as a manager: never a 500, always the
 * contract's error shape, and a refused request stores nothing. Seeded, so a failure replays; bounded in count.
 */
class PublicApiFuzzIT {
    static final long SEED = 20261201L;
    static final int RANDOM_BODIES = 1_200;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every table a request could write to. */
    private static final List<Table<?>> TABLES = List.of(
            dev.concierge.jooq.Tables.BOOKING,
            dev.concierge.jooq.Tables.ORDERS,
            dev.concierge.jooq.Tables.CONTACT,
            dev.concierge.jooq.Tables.CONVERSATION,
            dev.concierge.jooq.Tables.MESSAGE,
            dev.concierge.jooq.Tables.OUTBOX,
            dev.concierge.jooq.Tables.KNOWLEDGE_ENTRY,
            dev.concierge.jooq.Tables.PUBLIC_KEY);

    private static final String[] BODY_ROUTES = {
        "POST /api/chat",
        "POST /api/chat/{conversation}/rating",
        "POST /api/reservations",
        "POST /api/orders/create",
        "POST /api/orders/confirm",
        "POST /api/staff/login",
        "POST /api/staff/bookings",
        "PATCH /api/staff/bookings/{booking}",
        "POST /api/staff/bookings/{booking}/cancel",
        "POST /api/staff/orders",
        "PATCH /api/staff/orders/{order}",
        "PATCH /api/staff/contacts/{contact}",
        "POST /api/staff/conversations/{conversation}/messages",
        "PUT /api/staff/knowledge",
        "PUT /api/staff/settings",
        "POST /api/staff/keys",
    };

    private static final String[] QUERY_ROUTES = {
        "/api/availability?service=%s&date=%s&party=%s",
        "/api/availability/rooms?checkIn=%s&checkOut=%s&guests=%s",
        "/api/staff/bookings?from=%s&to=%s&status=%s",
        "/api/staff/orders?from=%s&to=%s&status=%s",
        "/api/staff/contacts?q=%s&x=%s&y=%s",
        "/api/staff/reports?from=%s&to=%s&z=%s",
        "/api/staff/contacts/export.csv?from=%s&to=%s&consent=%s",
    };

    /** Field names the routes know, so that random bodies reach the validation behind the JSON. */
    private static final String[] FIELDS = {
        "conversationId",
        "message",
        "language",
        "channel",
        "rating",
        "serviceId",
        "roomTypeId",
        "start",
        "checkIn",
        "checkOut",
        "partySize",
        "guests",
        "contact",
        "name",
        "email",
        "phone",
        "notes",
        "status",
        "items",
        "itemId",
        "quantity",
        "roomNumber",
        "table",
        "payment",
        "method",
        "orderId",
        "password",
        "text",
        "entries",
        "question",
        "answer",
        "origins",
        "consent",
        "conversationRetentionDays",
        "id"
    };

    @TempDir
    Path dataDir;

    private final Random random = new Random(SEED);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<String> problems = new ArrayList<>();
    private TestServer server;
    private String key;
    private String managerToken;
    private Map<String, String> ids;

    @Test
    void noRouteAnswers500OrStoresAnythingForInputItRefuses() throws Exception {
        try (TestServer started = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withFrozenNow(LocalDateTime.of(2026, 3, 10, 12, 0))
                .withEnvironment(
                        Map.of("RATE_LIMIT_MAX_REQUESTS", "1000000", "RATE_LIMIT_CONVERSATION_MESSAGES", "1000000")))) {
            server = started;
            managerToken = server.tokenFor("manager");
            key = server.client()
                    .withStaffToken(managerToken)
                    .createPublicKey(new PublicKeyRequest("Fuzz", List.of()))
                    .key();
            ids = realIds();
            int sent = 0;
            for (String route : BODY_ROUTES) {
                for (byte[] body : handMadeBodies()) {
                    send(route, body, "application/json");
                    sent++;
                }
            }
            for (int i = 0; i < RANDOM_BODIES; i++) {
                String route = BODY_ROUTES[random.nextInt(BODY_ROUTES.length)];
                send(route, JSON.writeValueAsBytes(randomObject(0)), "application/json");
                sent++;
            }
            for (String route : BODY_ROUTES) {
                send(route, "message=hi".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
                send(route, "{\"message\": \"hi\"}".getBytes(StandardCharsets.UTF_8), "text/plain");
                sent += 2;
            }
            for (String query : QUERY_ROUTES) {
                for (int i = 0; i < 30; i++) {
                    send("GET " + String.format(query, queryValue(), queryValue(), queryValue()), null, null);
                    sent++;
                }
            }
            for (String path : pathTricks()) {
                // POST without a body: on an address it cannot parse, Jetty answers 400 and closes without reading
                // a body, and the unread bytes make the kernel reset the connection under the answer
                send("GET " + path, null, null);
                send("POST " + path, null, null);
                sent += 2;
            }
            assertTrue(sent > 1_500, "sent " + sent);
        }
        assertTrue(
                problems.isEmpty(), problems.size() + " problems (seed " + SEED + "):\n" + String.join("\n", problems));
    }

    /** Ids of real rows, so that routes with an id reach their body's validation. */
    private Map<String, String> realIds() throws IOException, InterruptedException {
        String conversation = JSON.readTree(exchange(
                                "POST",
                                "/api/chat",
                                "{\"message\": \"Hello\", \"channel\": \"web\"}".getBytes(StandardCharsets.UTF_8),
                                "application/json",
                                true)
                        .body())
                .path("conversationId")
                .asText();
        JsonNode booking = JSON.readTree(exchange(
                        "POST",
                        "/api/staff/bookings",
                        ("{\"serviceId\": \"massage-60\", \"start\": \"2026-03-12T10:00\", \"partySize\": 1,"
                                        + " \"contact\": {\"name\": \"Fuzz Guest\", \"email\": \"fuzz@example.com\"}}")
                                .getBytes(StandardCharsets.UTF_8),
                        "application/json",
                        false)
                .body());
        JsonNode order = JSON.readTree(exchange(
                        "POST",
                        "/api/staff/orders",
                        ("{\"items\": [{\"itemId\": \"club-sandwich\", \"quantity\": 1}], \"table\": \"4\","
                                        + " \"payment\": {\"method\": \"desk\"}}")
                                .getBytes(StandardCharsets.UTF_8),
                        "application/json",
                        false)
                .body());
        return Map.of(
                "{conversation}", conversation,
                "{booking}", booking.path("id").asText("missing"),
                "{contact}", booking.path("contactId").asText("missing"),
                "{order}", order.path("id").asText("missing"));
    }

    private List<byte[]> handMadeBodies() {
        List<byte[]> bodies = new ArrayList<>();
        for (String text : List.of(
                "",
                "null",
                "[]",
                "\"text\"",
                "42",
                "{",
                "{\"message\": }",
                "{\"message\": \"hi\"",
                "{\"message\": 12, \"channel\": [\"web\"]}",
                "{\"message\": {\"deep\": true}, \"channel\": null}",
                "{\"partySize\": 99999999999999999999, \"start\": \"yesterday\"}",
                "{\"partySize\": -1, \"guests\": 1.5, \"quantity\": 1e308}",
                "{\"items\": [{\"itemId\": \"../../etc/passwd\", \"quantity\": -3}]}",
                "{\"items\": \"club-sandwich\", \"payment\": \"card\"}",
                "{\"start\": \"2026-02-30T25:61\", \"checkIn\": \"2026-13-01\", \"checkOut\": \"0000-00-00\"}",
                "{\"message\": \"<img src=x onerror=alert(1)>\", \"channel\": \"web\", \"language\": \"fr\"}",
                "{\"message\": \"\\u0000\\u0007\\ud800\", \"channel\": \"web\"}",
                "{\"entries\": [null, {}, {\"question\": 1}]}",
                "{\"conversationRetentionDays\": \"forever\"}",
                "{\"origins\": [\"javascript:alert(1)\", 7]}",
                "{\"__proto__\": {\"admin\": true}, \"constructor\": 1}")) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(("{\"message\": \"" + "x".repeat(200_000) + "\", \"channel\": \"web\"}")
                .getBytes(StandardCharsets.UTF_8));
        bodies.add(("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
        bodies.add(("{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000)).getBytes(StandardCharsets.UTF_8));
        // bad UTF-8: a lone continuation byte, an overlong slash, a truncated sequence
        bodies.add(new byte[] {'{', '"', 'm', 'e', 's', 's', 'a', 'g', 'e', '"', ':', '"', (byte) 0x80, '"', '}'});
        bodies.add(new byte[] {'{', '"', 'm', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'});
        bodies.add(new byte[] {'{', '"', 'm', '"', ':', '"', (byte) 0xE2, (byte) 0x82});
        byte[] noise = new byte[4_096];
        random.nextBytes(noise);
        bodies.add(noise);
        return bodies;
    }

    private Object randomObject(int depth) {
        Map<String, Object> object = new java.util.LinkedHashMap<>();
        int fields = 1 + random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            object.put(FIELDS[random.nextInt(FIELDS.length)], randomValue(depth + 1));
        }
        return object;
    }

    private Object randomValue(int depth) {
        int kind = random.nextInt(depth > 3 ? 7 : 9);
        return switch (kind) {
            case 0 -> random.nextInt();
            case 1 -> random.nextLong() * (random.nextBoolean() ? 1 : -1);
            case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(300));
            case 3 -> random.nextBoolean();
            case 4 -> randomText();
            case 5 ->
                List.of(
                                "2026-03-1" + random.nextInt(10) + "T1" + random.nextInt(10) + ":00",
                                "web",
                                "card",
                                "massage-60",
                                "club-sandwich",
                                "double",
                                "confirmed",
                                "cancelled",
                                "up",
                                "en")
                        .get(random.nextInt(10));
            case 6 -> java.util.Collections.singletonMap("x", null);
            case 7 -> randomObject(depth);
            default -> List.of(randomValue(depth + 1), randomValue(depth + 1));
        };
    }

    private String randomText() {
        int length = random.nextInt(10) == 0 ? 5_000 + random.nextInt(20_000) : random.nextInt(40);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            text.appendCodePoint(
                    pick < 6
                            ? 'a' + random.nextInt(26)
                            : pick < 8 ? random.nextInt(0x250) : 0x1F600 + random.nextInt(80));
        }
        return text.toString();
    }

    private String queryValue() {
        List<String> values = List.of(
                "",
                "massage-60",
                "2026-03-11",
                "2026-02-30",
                "-1",
                "0",
                "999999999999",
                "1e9",
                "%00",
                "%27%20OR%201%3D1",
                "..%2F..%2Fetc%2Fpasswd",
                "%3Cscript%3E",
                "x".repeat(3_000),
                "%F0%9F%98%80",
                "%C0%AF",
                "true",
                "null");
        return values.get(random.nextInt(values.size()));
    }

    private List<String> pathTricks() {
        return List.of(
                "/api/chat/..%2f..%2fetc%2fpasswd",
                "/api/chat/%2e%2e/%2e%2e/staff/keys",
                "/api/staff/bookings/'%20OR%201=1--",
                "/api/staff/bookings/99999999999999999999999",
                "/api/staff/contacts/-1",
                "/api/staff/orders/%00",
                "/api/chat/" + "a".repeat(4_000),
                "/api/staff/../staff/keys",
                "/api//chat",
                "/api/chat/%C0%AF",
                "/api/staff/knowledge;jsessionid=1",
                "/api/%uFFFF");
    }

    private void send(String route, byte[] body, String contentType) throws IOException, InterruptedException {
        String[] parts = route.split(" ", 2);
        String path = parts[1];
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        boolean staff = path.startsWith("/api/staff/") && !path.equals("/api/staff/login");
        for (boolean asStaff : staff ? new boolean[] {true} : new boolean[] {false, true}) {
            long[] before = counts();
            HttpResponse<String> response;
            try {
                response = exchange(parts[0], path, body, contentType, !asStaff);
            } catch (IllegalArgumentException e) {
                continue; // a path the HTTP client itself will not send
            } catch (IOException e) {
                String sent = body == null ? "" : new String(body, StandardCharsets.UTF_8);
                problems.add("no answer (" + e.getMessage() + ") for " + route + " with "
                        + sent.substring(0, Math.min(80, sent.length())));
                continue;
            }
            check(route, asStaff, body, response, before);
        }
    }

    private void check(String route, boolean asStaff, byte[] body, HttpResponse<String> response, long[] before) {
        int status = response.statusCode();
        String sent = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        String what = route + (asStaff ? " as manager" : " with a public key") + " with "
                + sent.substring(0, Math.min(80, sent.length()));
        if (status >= 500) {
            problems.add(status + " for " + what + ": " + response.body());
            return;
        }
        if (status >= 400) {
            try {
                JsonNode error = JSON.readTree(response.body()).path("error");
                if (!error.path("code").isTextual() || !error.path("message").isTextual()) {
                    problems.add("no error shape (" + status + ") for " + what + ": " + response.body());
                }
            } catch (IOException e) {
                problems.add("not JSON (" + status + ") for " + what + ": " + response.body());
            }
            long[] after = counts();
            if (!java.util.Arrays.equals(before, after)) {
                problems.add("a refused request (" + status + ") stored something: " + what);
            }
        }
    }

    private long[] counts() {
        long[] counts = new long[TABLES.size()];
        for (int i = 0; i < TABLES.size(); i++) {
            counts[i] = server.dsl().fetchCount(TABLES.get(i));
        }
        return counts;
    }

    private HttpResponse<String> exchange(
            String method, String path, byte[] body, String contentType, boolean publicKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (publicKey) {
            request.header("X-Concierge-Key", key);
        } else {
            request.header("Authorization", "Bearer " + managerToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
