package dev.concierge.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiClient;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.ServerProcess;
import dev.concierge.testing.WebhookReceiver;
import dev.concierge.testing.WebhookReceiver.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server jar killed with SIGKILL while it delivers, then started again on the same data: every order it
 * acknowledged reaches the receiver, under one webhook id each, and only the calls that were in flight (or finished but
 * not yet recorded) at the kill arrive a second time (with the same id, which the receiver drops).
 */
class OutboxCrashIT {
    private static final Path JAR = Path.of("target", "concierge-server.jar");
    private static final int ORDERS = 40;
    /** The server's outward calls in flight at once (ConciergeServer.OUTBOX_CONCURRENCY). */
    private static final int THREADS = 8;
    /**
     * What a kill can make arrive twice: the calls in flight, and the finished ones whose outcomes the worker had not
     * yet committed (it writes them in batches, at most one more round of calls).
     */
    private static final int UNRECORDED = 2 * THREADS;

    @TempDir
    Path dataDir;

    @Test
    void killedMidDeliveryItLosesNothingAndDoublesNothing() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // slow enough that the kill lands while calls are in flight
            receiver.delay(Duration.ofMillis(400));
            Map<String, String> env = new HashMap<>(receiver.serverEnvironment());
            env.put("CONCIERGE_NOW", "2026-03-10T12:00");
            env.put("OUTBOX_RETRY_BASE_MS", "50");
            Set<String> acknowledged = new HashSet<>();
            String[] login;
            int deliveredBeforeKill;
            try (ServerProcess first =
                    ServerProcess.startJar(JAR, env, "--demo", "--port", "0", "--data", dataDir.toString())) {
                login = demoLogin(first.output(), "front_desk");
                String token =
                        ApiClient.of(first.uri()).login(login[0], login[1]).token();
                RawHttp desk = new RawHttp(first.uri()).bearer(token);
                for (int i = 1; i <= ORDERS; i++) {
                    Response placed = desk.postJson(
                            "/api/staff/orders",
                            "{\"items\": [{\"itemId\": \"club-sandwich\", \"quantity\": 1}],"
                                    + " \"payment\": {\"method\": \"desk\"}, \"table\": \"" + i + "\"}");
                    assertEquals(201, placed.status(), placed.body());
                    acknowledged.add(placed.json().get("reference").asText());
                }
                receiver.await(
                        "deliveries under way",
                        Duration.ofSeconds(30),
                        () -> receiver.attemptIds().size() >= 12);
                first.kill(Duration.ofSeconds(10));
                deliveredBeforeKill = receiver.distinctIds().size();
            }
            assertTrue(
                    deliveredBeforeKill < ORDERS,
                    "the kill came before the end, or this test proves nothing: " + deliveredBeforeKill);

            try (ServerProcess again = ServerProcess.startJar(JAR, env, "--port", "0", "--data", dataDir.toString())) {
                receiver.await(
                        "every acknowledged order",
                        Duration.ofSeconds(60),
                        () -> receiver.distinctIds().size() >= ORDERS);
                assertTrue(again.output().contains("Released"), "claims of the killed process were freed at start");
                RawHttp desk = new RawHttp(again.uri())
                        .bearer(ApiClient.of(again.uri())
                                .login(login[0], login[1])
                                .token());
                Set<String> stored = new HashSet<>();
                desk.get("/api/staff/orders")
                        .json()
                        .forEach(order -> stored.add(order.get("reference").asText()));
                assertEquals(acknowledged, stored, "every order answered 201 before the kill is in the database");
            }

            List<Message> created = receiver.received().stream()
                    .filter(m -> m.type().equals("order.created"))
                    .toList();
            Map<String, Set<String>> idsByOrder = created.stream()
                    .collect(Collectors.groupingBy(
                            m -> m.data().get("reference").asText(),
                            Collectors.mapping(Message::id, Collectors.toSet())));
            assertEquals(acknowledged, idsByOrder.keySet(), "nothing acknowledged was lost");
            idsByOrder.forEach((order, ids) -> assertEquals(1, ids.size(), order + " went out under one id"));
            int redelivered = created.size() - ORDERS;
            System.out.printf(
                    "delivered before the kill: %d of %d; delivered twice (same id): %d%n",
                    deliveredBeforeKill, ORDERS, redelivered);
            assertTrue(
                    redelivered <= UNRECORDED,
                    "only calls in flight or not yet recorded at the kill may arrive twice, not " + redelivered);
            assertEquals(List.of(), receiver.problems());
        }
    }

    private static String[] demoLogin(String output, String role) {
        for (String line : output.split("\\R")) {
            String[] words = line.trim().split("\\s+");
            if (words.length == 3 && words[0].equals(role)) {
                return new String[] {words[1], words[2]};
            }
        }
        throw new AssertionError("no demo account for " + role + " in:\n" + output);
    }
}
