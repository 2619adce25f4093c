package dev.concierge.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import dev.concierge.testing.WebhookReceiver;
import dev.concierge.testing.WebhookReceiver.Answer;
import dev.concierge.testing.WebhookReceiver.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox delivering to a Standard Webhooks receiver (n8n's side) over real HTTP: signed, retried with the same id,
 * dead letters that hold back later events of the same booking until staff retry, and a queue that waits out an
 * outage and drains in order.
 */
class OutboxIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private WebhookReceiver receiver;
    private TestServer server;
    private RawHttp desk;

    private void start(WebhookReceiver webhooks) {
        receiver = webhooks;
        Path venue = VenueBuilder.smallHotel().writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        Map<String, String> env = new HashMap<>(webhooks.serverEnvironment());
        // retries within a test's patience; production waits 2 s, doubling
        env.put("OUTBOX_RETRY_BASE_MS", "50");
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(LocalDateTime.of(2026, 3, 9, 9, 0))
                .withEnvironment(env));
        desk = server.http().bearer(server.tokenFor("front_desk"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private JsonNode book(String start, String name) {
        Response response = desk.postJson(
                "/api/staff/bookings",
                "{\"serviceId\": \"massage-60\", \"start\": \"" + start + "\", \"partySize\": 1,"
                        + " \"contact\": {\"name\": \"" + name + "\", \"phone\": \"+34 612 000 301\"}}");
        assertEquals(201, response.status(), response.body());
        return response.json();
    }

    private void cancel(JsonNode booking) {
        Response response =
                desk.postJson("/api/staff/bookings/" + booking.get("id").asLong() + "/cancel", "{}");
        assertEquals(200, response.status(), response.body());
    }

    private JsonNode sync(String query) {
        Response response = desk.get("/api/staff/sync" + query);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static List<JsonNode> deliveries(JsonNode sync, String eventType, String reference) {
        return StreamSupport.stream(sync.get("deliveries").spliterator(), false)
                .filter(d -> d.get("eventType").asText().equals(eventType)
                        && d.get("aggregateId").asText().equals(reference))
                .toList();
    }

    private static JsonNode connector(JsonNode sync, String name) {
        for (JsonNode connector : sync.get("connectors")) {
            if (connector.get("name").asText().equals(name)) {
                return connector;
            }
        }
        throw new AssertionError("no connector " + name + " in " + sync);
    }

    @Test
    void aBookingReachesTheReceiverOnceSignedWithItsReference() {
        start(WebhookReceiver.start());
        JsonNode booking = book("2026-03-10T10:00", "Ana Pérez");
        String reference = booking.get("reference").asText();

        receiver.await("booking.created", WAIT, () -> receiver.received().size() == 1);
        Message message = receiver.received().get(0);
        assertEquals("booking.created", message.type());
        assertEquals(reference, message.data().get("reference").asText());
        assertEquals("massage-60", message.data().get("serviceId").asText());
        assertEquals(message.id(), message.body().get("id").asText(), "the body names its webhook id too");
        assertEquals(List.of(), receiver.problems(), "signed and shaped as Standard Webhooks says");

        server.http().get("/api/health"); // health is public
        receiver.await(
                "the delivery recorded",
                WAIT,
                () -> deliveries(sync(""), "booking.created", reference)
                        .get(0)
                        .get("status")
                        .asText()
                        .equals("delivered"));
        JsonNode delivery = deliveries(sync(""), "booking.created", reference).get(0);
        assertEquals(1, delivery.get("attempts").asInt());
        assertNotNull(delivery.get("deliveredAt").textValue());
        assertEquals("ok", connector(sync(""), "n8n").get("state").asText());
        assertEquals("ok", server.client().health().integrations().get("n8n"));
    }

    @Test
    void transientFailuresAreRetriedWithTheSameIdUntilDelivered() {
        start(WebhookReceiver.start());
        receiver.answer(new Answer(503, null), new Answer(429, "0"), new Answer(500, null));
        String reference =
                book("2026-03-10T10:00", "Ana Pérez").get("reference").asText();

        receiver.await("the fourth attempt", WAIT, () -> receiver.received().size() == 1);
        List<String> attempts = receiver.attemptIds();
        assertEquals(4, attempts.size(), attempts.toString());
        assertEquals(1, attempts.stream().distinct().count(), "one webhook id on every attempt: " + attempts);
        receiver.await(
                "the delivery recorded",
                WAIT,
                () -> deliveries(sync(""), "booking.created", reference)
                        .get(0)
                        .get("status")
                        .asText()
                        .equals("delivered"));
        assertEquals(
                4,
                deliveries(sync(""), "booking.created", reference)
                        .get(0)
                        .get("attempts")
                        .asInt());
        assertEquals(List.of(), receiver.problems());
    }

    @Test
    void aRefusedDeliveryIsDeadAndHoldsBackItsBookingsLaterEventsUntilStaffRetryIt() {
        start(WebhookReceiver.start());
        receiver.answer(new Answer(400, null));
        JsonNode first = book("2026-03-10T10:00", "Ana Pérez");
        String refused = first.get("reference").asText();
        receiver.await("the refusal", WAIT, () -> receiver.attemptIds().size() == 1);
        cancel(first);
        String other = book("2026-03-10T12:00", "Bob Smith").get("reference").asText();

        receiver.await(
                "another booking's event",
                WAIT,
                () -> !receiver.withData("booking.created", "reference", other).isEmpty());
        JsonNode sync = sync("");
        JsonNode dead = deliveries(sync, "booking.created", refused).get(0);
        assertEquals("dead", dead.get("status").asText());
        assertEquals("n8n answered HTTP 400", dead.get("lastError").asText());
        assertEquals(
                "pending",
                deliveries(sync, "booking.cancelled", refused)
                        .get(0)
                        .get("status")
                        .asText(),
                "the cancellation waits behind its creation");
        assertTrue(receiver.withData("booking.cancelled", "reference", refused).isEmpty());
        assertEquals("failing", connector(sync, "n8n").get("state").asText());
        assertEquals(1, connector(sync, "n8n").get("dead").asInt());
        assertEquals("failing", server.client().health().integrations().get("n8n"));
        assertEquals(1, server.client().health().outbox().dead());
        assertEquals(1, sync("?status=dead").get("deliveries").size());

        Response retry = desk.postJson("/api/staff/sync/" + dead.get("id").asLong() + "/retry", "");
        assertEquals(202, retry.status(), retry.body());
        receiver.await(
                "the booking's two events",
                WAIT,
                () -> receiver.received().stream()
                                .filter(m -> m.data().path("reference").asText().equals(refused))
                                .count()
                        == 2);
        List<String> order = receiver.received().stream()
                .filter(m -> m.data().path("reference").asText().equals(refused))
                .map(Message::type)
                .toList();
        assertEquals(List.of("booking.created", "booking.cancelled"), order);
        receiver.await(
                "nothing dead", WAIT, () -> server.client().health().outbox().dead() == 0);
        assertEquals(List.of(), receiver.problems());
    }

    @Test
    void withTheReceiverDownTheDeskKeepsWorkingAndTheQueueDrainsInOrderWhenItIsBack() {
        start(WebhookReceiver.notListening());
        JsonNode ana = book("2026-03-10T10:00", "Ana Pérez");
        book("2026-03-10T12:00", "Bob Smith");
        cancel(ana);
        book("2026-03-10T14:00", "Carla Ruiz");

        receiver.await(
                "a failed attempt on record",
                WAIT,
                () -> "retrying".equals(connector(sync(""), "n8n").get("state").asText()));
        JsonNode n8n = connector(sync(""), "n8n");
        assertEquals(4, n8n.get("pending").asInt());
        assertTrue(n8n.get("lastError").asText().startsWith("n8n could not be reached"), n8n.toString());
        assertEquals("retrying", server.client().health().integrations().get("n8n"));
        assertTrue(server.client().health().outbox().pending() >= 4);

        receiver.listen();
        receiver.await(
                "the whole queue",
                Duration.ofSeconds(60),
                () -> receiver.distinctIds().size() == 4);
        List<String> anasEvents = receiver.received().stream()
                .filter(m -> m.data()
                        .path("reference")
                        .asText()
                        .equals(ana.get("reference").asText()))
                .map(Message::type)
                .distinct()
                .toList();
        assertEquals(List.of("booking.created", "booking.cancelled"), anasEvents);
        receiver.await(
                "an empty backlog",
                WAIT,
                () -> server.client().health().outbox().pending() == 0);
        assertEquals(List.of(), receiver.problems());
    }

    @Test
    void theSyncRoutesNeedStaffAndCheckWhatTheyAreGiven() {
        start(WebhookReceiver.start());
        assertEquals(401, server.http().get("/api/staff/sync").status());
        assertEquals("invalid_request", desk.get("/api/staff/sync?status=lost").errorCode());
        assertEquals(400, desk.get("/api/staff/sync?limit=0").status());
        assertEquals(404, desk.postJson("/api/staff/sync/999999/retry", "").status());
        assertEquals(404, desk.postJson("/api/staff/sync/abc/retry", "").status());
    }
}
