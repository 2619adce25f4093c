package dev.concierge.cluster;

import static dev.concierge.jooq.Tables.BOOKING;
import static dev.concierge.jooq.Tables.CLUSTER_MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.JsonSocket;
import dev.concierge.testing.LocalPostgres;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.VenueBuilder;
import dev.concierge.testing.WebhookReceiver;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server instances on one real PostgreSQL, as a venue group runs them behind a load balancer: one truth for
 * bookings, live chat across instances, each outbox event delivered once, scheduled jobs once per cluster. A
 * one-therapist spa, seen on Monday 9 March 2026, 09:00.
 */
class TwoInstancesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path first;

    @TempDir
    Path second;

    private final List<AutoCloseable> running = new ArrayList<>();
    private TestServer a;
    private TestServer b;

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    /** Starts both instances on one new database, with {@code environment} (integrations) for both. */
    private void startTwo(Map<String, String> environment) {
        LocalPostgres.Db db = LocalPostgres.shared().newDatabase();
        Path venue = VenueBuilder.smallHotel()
                .set("services[0].capacity", VenueBuilder.map("units", 1))
                .writeTo(first.resolveSibling(first.getFileName() + "-venue.yaml"));
        a = start(first, venue, db, environment);
        b = start(second, venue, db, environment);
    }

    private TestServer start(Path dataDir, Path venue, LocalPostgres.Db db, Map<String, String> environment) {
        TestServer server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(LocalDateTime.of(2026, 3, 9, 9, 0))
                .withEnvironment(environment)
                .withDb(db.url(), db.user(), db.password()));
        running.add(server);
        return server;
    }

    /** A website key made on the first instance (both accept it: keys are in the shared database). */
    private String websiteKey() {
        return a.client()
                .withStaffToken(a.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Website", List.of()))
                .key();
    }

    private static String massageAt(String start, String name) {
        return "{\"serviceId\": \"massage-60\", \"start\": \"" + start + "\", \"partySize\": 1,"
                + " \"contact\": {\"name\": \"" + name + "\", \"email\": \"guest@example.com\"}}";
    }

    @Test
    void theLastUnitRacedBy64RequestsAcrossBothInstancesGivesOneBooking() {
        startTwo(Map.of());
        String key = websiteKey();
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            URI instance = (i % 2 == 0 ? a : b).uri().resolve("/api/reservations");
            HttpRequest request = HttpRequest.newBuilder(instance)
                    .header("Content-Type", "application/json")
                    .header("X-Concierge-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(massageAt("2026-03-10T15:00", "Ana Pérez")))
                    .build();
            responses.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }

        List<Integer> statuses =
                responses.stream().map(r -> r.join().statusCode()).toList();

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(63, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, a.dsl().fetchCount(BOOKING));
        JsonNode slot = b.http()
                .with("X-Concierge-Key", key)
                .get("/api/availability?service=massage-60&date=2026-03-10")
                .json();
        for (JsonNode free : slot.path("slots")) {
            assertTrue(
                    !free.path("start").asText().startsWith("2026-03-10T15:00"),
                    "the booked hour is gone on the other instance too: " + slot);
        }
    }

    @Test
    void eachInstanceHoldsThePoolItWasGivenAndServesThroughIt() {
        // a venue group with many instances on one PostgreSQL gives each a small pool to stay within max_connections
        startTwo(Map.of("CONCIERGE_DB_POOL_SIZE", "2"));
        String key = websiteKey();
        List<CompletableFuture<RawHttp.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            TestServer instance = i % 2 == 0 ? a : b;
            String date = "2026-03-" + (10 + i % 7);
            answers.add(CompletableFuture.supplyAsync(() -> instance.http()
                    .with("X-Concierge-Key", key)
                    .get("/api/availability?service=massage-60&date=" + date)));
        }
        for (CompletableFuture<RawHttp.Response> answer : answers) {
            assertEquals(200, answer.join().status(), answer.join().body());
        }

        for (TestServer instance : List.of(a, b)) {
            String metrics = instance.http().get("/metrics").body();
            assertTrue(
                    java.util.regex.Pattern.compile(
                                    "(?m)^hikaricp_connections_max\\{[^}]*pool=\"concierge-db\"[^}]*} 2(\\.0)?$")
                            .matcher(metrics)
                            .find(),
                    metrics);
        }
        // two pools of two and a listening connection each, whatever the load was
        int connections = a.dsl()
                .fetchSingle("select count(*) from pg_stat_activity where datname = current_database()")
                .get(0, Integer.class);
        assertTrue(connections <= 6, connections + " connections");
    }

    @Test
    void aStaffReplyThroughOneInstanceReachesTheGuestsSocketOnTheOther() throws Exception {
        startTwo(Map.of());
        String key = websiteKey();
        RawHttp.Response started = a.http()
                .with("X-Concierge-Key", key)
                .postJson("/api/chat", "{\"message\": \"Hi, what time is check-out?\", \"channel\": \"web\"}");
        assertEquals(200, started.status(), started.body());
        String id = started.json().path("conversationId").asText();
        JsonSocket guest = follow(a, id, Map.of("X-Concierge-Key", key));
        // the demo accounts were made by the first instance; a login there is good on both
        String token = a.tokenFor("front_desk");
        JsonSocket desk = open(b, "/api/staff/live", Map.of("Authorization", "Bearer " + token));

        RawHttp.Response reply = b.http()
                .bearer(token)
                .postJson("/api/staff/conversations/" + id + "/messages", "{\"text\": \"Hola, soy Marta.\"}");
        assertEquals(200, reply.status(), reply.body());
        JsonNode staffLine = guest.next();
        JsonNode takenOver = guest.next();

        assertEquals("staff", staffLine.at("/line/role").asText(), staffLine.toString());
        assertEquals("Hola, soy Marta.", staffLine.at("/line/text").asText());
        assertEquals("handoff", takenOver.path("status").asText(), takenOver.toString());

        // and the other way: the guest writes through the first instance, the desk on the second hears it at once
        a.http()
                .with("X-Concierge-Key", key)
                .postJson(
                        "/api/chat",
                        "{\"conversationId\": \"" + id + "\", \"message\": \"Gracias\", \"channel\": \"web\"}");
        JsonNode heard = desk.nextMatching(
                event -> "Gracias".equals(event.at("/line/text").asText()));
        assertEquals(id, heard.path("conversationId").asText());
        assertEquals("guest", heard.at("/line/role").asText());
    }

    @Test
    void aLongAssistantAnswerCrossesInstancesWhole() throws Exception {
        startTwo(Map.of());
        String key = websiteKey();
        RawHttp manager = a.http().bearer(a.tokenFor("manager"));
        JsonNode base = manager.get("/api/staff/knowledge").json();
        // within an answer's 4,000 characters but longer than PostgreSQL's NOTIFY carries (8000 bytes) once in UTF-8:
        // the event goes through the cluster_message table
        String longAnswer = "Our spa menu: " + "\uD83C\uDF3F\uD83D\uDC86\uD83E\uDDD6 ".repeat(560);
        assertTrue(longAnswer.getBytes(StandardCharsets.UTF_8).length > 7_000);
        ObjectNode entry = ((com.fasterxml.jackson.databind.node.ArrayNode) base.path("entries")).addObject();
        entry.putObject("question").put("en", "What treatments does the spa menu have?");
        entry.putObject("answer").put("en", longAnswer);
        assertEquals(
                200,
                manager.send("PUT", "/api/staff/knowledge", "application/json", base.toString())
                        .status());
        RawHttp.Response started = b.http()
                .with("X-Concierge-Key", key)
                .postJson("/api/chat", "{\"message\": \"Hello\", \"channel\": \"web\"}");
        String id = started.json().path("conversationId").asText();
        JsonSocket desk = follow(a, id, Map.of("Authorization", "Bearer " + a.tokenFor("front_desk")));

        RawHttp.Response asked = b.http()
                .with("X-Concierge-Key", key)
                .postJson(
                        "/api/chat",
                        "{\"conversationId\": \"" + id
                                + "\", \"message\": \"What treatments does the spa menu have?\", \"channel\": \"web\"}");
        assertEquals(200, asked.status(), asked.body());

        JsonNode answer = desk.nextMatching(
                event -> "assistant".equals(event.at("/line/role").asText()));
        assertEquals(longAnswer.strip(), answer.at("/line/text").asText().strip(), "the whole answer, not a part");
        assertTrue(a.dsl().fetchCount(CLUSTER_MESSAGE) > 0, "it went by the table, not inside the notification");
    }

    @Test
    void aKnowledgeEditOnOneInstanceIsAnsweredFromOnTheOther() {
        startTwo(Map.of());
        String key = websiteKey();
        RawHttp manager = a.http().bearer(a.tokenFor("manager"));
        JsonNode base = manager.get("/api/staff/knowledge").json();
        ObjectNode entry = ((com.fasterxml.jackson.databind.node.ArrayNode) base.path("entries")).addObject();
        entry.putObject("question").put("en", "Can I land my helicopter on the roof?");
        entry.putObject("answer").put("en", "Yes: our helipad takes one helicopter.");

        assertEquals(
                200,
                manager.send("PUT", "/api/staff/knowledge", "application/json", base.toString())
                        .status());

        RawHttp guest = b.http().with("X-Concierge-Key", key);
        String answer = "";
        long until = System.nanoTime() + WAIT.toNanos();
        while (!answer.contains("helipad") && System.nanoTime() < until) {
            answer = guest.postJson(
                            "/api/chat",
                            "{\"message\": \"Can I land my helicopter on the roof?\", \"channel\": \"web\"}")
                    .json()
                    .path("reply")
                    .asText();
        }
        assertEquals("Yes: our helipad takes one helicopter.", answer);
    }

    @Test
    void eachOutboxEventIsDeliveredOnceWhileBothInstancesDeliver() {
        WebhookReceiver receiver = WebhookReceiver.start();
        running.add(receiver);
        receiver.delay(Duration.ofMillis(20)); // a receiver slow enough for both workers to be busy at once
        Map<String, String> environment = new HashMap<>(receiver.serverEnvironment());
        environment.put("OUTBOX_RETRY_BASE_MS", "50");
        startTwo(environment);
        RawHttp deskA = a.http().bearer(a.tokenFor("front_desk"));
        RawHttp deskB = b.http().bearer(a.tokenFor("front_desk"));

        int bookings = 40;
        for (int i = 0; i < bookings; i++) {
            RawHttp desk = i % 2 == 0 ? deskA : deskB;
            // each on its own day: every booking is its own aggregate, so none waits for another's delivery
            String day = LocalDateTime.of(2026, 3, 10, 10, 0).plusDays(i).toString();
            RawHttp.Response booked = desk.postJson("/api/staff/bookings", massageAt(day, "Guest " + i));
            assertEquals(201, booked.status(), booked.body());
        }

        receiver.await(
                "every booking.created",
                WAIT,
                () -> receiver.received().stream()
                                .filter(m -> m.type().equals("booking.created"))
                                .count()
                        >= bookings);
        List<String> attempts = receiver.attemptIds();
        Set<String> distinct = new HashSet<>(attempts);
        assertEquals(distinct.size(), attempts.size(), "no event sent twice: " + attempts);
        assertEquals(
                bookings,
                receiver.withData("booking.created", "serviceId", "massage-60").size());
        assertEquals(List.of(), receiver.problems());
    }

    @Test
    void failedLoginsCountOnceForBothInstances() {
        startTwo(Map.of());
        String[] desk = a.demoLogin("front_desk");
        String wrong = "{\"email\": \"" + desk[0] + "\", \"password\": \"guess\"}";
        // five guesses spread over both instances: one allowance, not five on each
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    401,
                    (i % 2 == 0 ? a : b)
                            .http()
                            .postJson("/api/staff/login", wrong)
                            .status());
        }

        RawHttp.Response locked = b.http()
                .postJson("/api/staff/login", "{\"email\": \"" + desk[0] + "\", \"password\": \"" + desk[1] + "\"}");

        assertEquals(429, locked.status(), "the other instance knows of the guesses too: " + locked.body());
    }

    @Test
    void scheduledJobsRunOncePerClusterNotOncePerInstance() {
        startTwo(Map.of());

        boolean dailyOnA = a.runDailyJobsOnce();
        boolean dailyOnB = b.runDailyJobsOnce();
        boolean dailyAgainOnA = a.runDailyJobsOnce();
        LocalDateTime before = LocalDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        boolean minutelyOnB = b.runMinutelyJobsOnce();
        boolean minutelyOnA = a.runMinutelyJobsOnce();
        boolean sameMinute = before.equals(LocalDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));

        assertTrue(dailyOnA, "the first to ask runs today's jobs");
        assertTrue(!dailyOnB, "the other instance does not run them again today");
        assertTrue(!dailyAgainOnA, "nor does the first, twice");
        assertTrue(minutelyOnB, "the first to ask runs this minute's jobs");
        if (sameMinute) {
            assertTrue(!minutelyOnA, "the other does not, in the same minute");
        }
    }

    private JsonSocket follow(TestServer server, String conversationId, Map<String, String> headers) {
        return open(
                server,
                "/api/chat/live?conversationId=" + URLEncoder.encode(conversationId, StandardCharsets.UTF_8),
                headers);
    }

    private JsonSocket open(TestServer server, String pathAndQuery, Map<String, String> headers) {
        JsonSocket socket = JsonSocket.open(server.uri().getPort(), pathAndQuery, headers);
        running.add(socket);
        return socket;
    }
}
