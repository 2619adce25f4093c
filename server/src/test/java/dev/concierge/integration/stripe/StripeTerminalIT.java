package dev.concierge.integration.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.Stripe;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.FakeStripe;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stripe Terminal in the server-driven flow, against a local Stripe whose reader takes taps from the test: the kiosk
 * asks the server to collect an order's payment, the server hands a card-present PaymentIntent to the kiosk's reader
 * and follows the reader's action; a declined card is told and another card pays the same intent; a cancel stops the
 * reader; an unreachable reader leaves the order unpaid; only kiosks and the desk drive readers.
 */
class StripeTerminalIT {
    private static final String WEBHOOK_SECRET = "whsec_test_7c2e4a";
    private static final String KIOSK_READER = "tmr_lobby";
    private static final String DESK_READER = "tmr_desk";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private FakeStripe stripe;
    private WebhookReceiver n8n;
    private TestServer server;
    private RawHttp kiosk;
    private RawHttp desk;

    private void start() {
        stripe = FakeStripe.start();
        stripe.addReader(KIOSK_READER);
        stripe.addReader(DESK_READER);
        n8n = WebhookReceiver.start();
        Map<String, String> env = new HashMap<>(n8n.serverEnvironment());
        env.put("STRIPE_SECRET_KEY", "sk_test_local");
        env.put("STRIPE_API_BASE", stripe.base());
        env.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env.put("STRIPE_TERMINAL_READER_ID", DESK_READER);
        env.put("OUTBOX_RETRY_BASE_MS", "50");
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withFrozenNow(LocalDateTime.of(2026, 3, 10, 12, 0))
                .withEnvironment(env));
        desk = server.http().bearer(server.tokenFor("front_desk"));
        kiosk = server.pairedKiosk("Lobby", KIOSK_READER);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (stripe != null) {
            stripe.close();
        }
        if (n8n != null) {
            n8n.close();
        }
    }

    private JsonNode order(RawHttp caller, String method) {
        Response placed = caller.postJson(
                "/api/orders/create",
                "{\"items\": [{\"itemId\": \"club-sandwich\", \"quantity\": 2}], \"payment\": {\"method\": \"" + method
                        + "\"}, \"table\": \"7\"}");
        assertEquals(201, placed.status(), placed.body());
        return placed.json();
    }

    private Response collect(RawHttp caller, JsonNode order) {
        return caller.postJson("/api/orders/" + order.get("id") + "/terminal", "");
    }

    private JsonNode payment(RawHttp caller, JsonNode order) {
        Response confirmed = caller.postJson("/api/orders/confirm", "{\"orderId\": " + order.get("id") + "}");
        assertEquals(200, confirmed.status(), confirmed.body());
        return confirmed.json().get("payment");
    }

    private List<FakeStripe.Recorded> readerCalls(String reader) {
        return stripe.requests().stream()
                .filter(r -> r.path().startsWith("/v1/terminal/readers/" + reader + "/"))
                .toList();
    }

    @Test
    void aKioskOrderIsPaidByACardTappedOnTheKiosksReader() {
        start();
        JsonNode order = order(kiosk, "terminal");
        String reference = order.get("reference").asText();
        assertEquals("unpaid", order.at("/payment/status").asText());
        assertEquals(0, stripe.intents().size(), "nothing goes to the reader before the kiosk asks");

        Response collecting = collect(kiosk, order);
        assertEquals(200, collecting.status(), collecting.body());
        assertEquals("pending", collecting.json().at("/payment/status").asText());

        assertEquals(1, stripe.intents().size());
        JsonNode intent = stripe.intents().values().iterator().next();
        assertEquals("[\"card_present\"]", intent.get("payment_method_types").toString());
        assertEquals(2900, intent.get("amount").asLong());
        FakeStripe.Recorded create = stripe.requests().get(0);
        assertEquals("order-" + reference + "-terminal-payment", create.idempotencyKey());
        assertEquals("automatic", create.params().get("capture_method"));
        List<FakeStripe.Recorded> handed = readerCalls(KIOSK_READER);
        assertEquals(1, handed.size(), handed.toString());
        assertEquals(
                "/v1/terminal/readers/" + KIOSK_READER + "/process_payment_intent",
                handed.get(0).path());
        assertEquals(intent.get("id").asText(), handed.get(0).params().get("payment_intent"));
        assertEquals(
                "in_progress", stripe.reader(KIOSK_READER).at("/action/status").asText());
        assertEquals("pending", payment(kiosk, order).get("status").asText(), "waiting for the card");

        stripe.tapCard(KIOSK_READER, "4242424242424242");

        assertEquals("paid", payment(kiosk, order).get("status").asText());
        JsonNode stored = desk.get("/api/staff/orders/" + order.get("id")).json();
        assertEquals("paid", stored.at("/payment/status").asText());
        assertEquals("terminal", stored.at("/payment/method").asText());
        assertEquals("kiosk", stored.get("source").asText());
        n8n.await(
                "order.paid",
                WAIT,
                () -> !n8n.withData("order.paid", "reference", reference).isEmpty());
        assertEquals("already_paid", collect(kiosk, order).errorCode());
        assertEquals(List.of(), readerCalls(DESK_READER), "the kiosk's own reader, not the desk's");
        assertEquals(List.of(), stripe.problems());
    }

    @Test
    void aDeclinedCardIsToldAndAnotherCardPaysTheSameIntent() {
        start();
        JsonNode order = order(kiosk, "terminal");
        collect(kiosk, order);
        stripe.tapCard(KIOSK_READER, FakeStripe.DECLINED_CARD);

        JsonNode declined = payment(kiosk, order);
        assertEquals("failed", declined.get("status").asText());
        assertEquals("card_declined", declined.get("failure").asText());

        Response retry = collect(kiosk, order);
        assertEquals(200, retry.status(), retry.body());
        assertEquals("pending", retry.json().at("/payment/status").asText());
        assertTrue(retry.json().at("/payment/failure").isMissingNode(), "the new try has no failure yet");
        stripe.tapCard(KIOSK_READER, "4242424242424242");
        assertEquals("paid", payment(kiosk, order).get("status").asText());

        assertEquals(1, stripe.intents().size(), "one PaymentIntent for the order, two tries on it");
        List<FakeStripe.Recorded> handed = readerCalls(KIOSK_READER);
        assertEquals(2, handed.size());
        assertNotEquals(handed.get(0).idempotencyKey(), handed.get(1).idempotencyKey(), "each try is its own request");
        assertEquals(List.of(), stripe.problems());
    }

    @Test
    void afterADeclineTheGuestPaysAtTheDeskInsteadAndTheReaderIsDoneWithTheOrder() {
        start();
        JsonNode order = order(kiosk, "terminal");
        collect(kiosk, order);
        Response whileWaiting = payOtherwise(kiosk, order, "desk");
        assertEquals(409, whileWaiting.status(), whileWaiting.body());
        assertEquals("payment_in_progress", whileWaiting.errorCode());
        stripe.tapCard(KIOSK_READER, FakeStripe.DECLINED_CARD);
        assertEquals("failed", payment(kiosk, order).get("status").asText());

        Response badMethod = payOtherwise(kiosk, order, "cash");
        assertEquals(400, badMethod.status(), badMethod.body());
        Response noRoom = payOtherwise(kiosk, order, "room");
        assertEquals(422, noRoom.status(), noRoom.body());
        assertEquals("no_room_on_order", noRoom.errorCode());
        Response atDesk = payOtherwise(kiosk, order, "desk");
        assertEquals(200, atDesk.status(), atDesk.body());

        assertEquals("desk", atDesk.json().at("/payment/method").asText());
        assertEquals("unpaid", atDesk.json().at("/payment/status").asText());
        assertTrue(atDesk.json().at("/payment/failure").isMissingNode(), "the decline is behind the guest");
        JsonNode seen = desk.get("/api/staff/orders/" + order.get("id")).json();
        assertEquals("desk", seen.at("/payment/method").asText(), "the desk sees it is theirs to take");
        Response again = collect(kiosk, order);
        assertEquals(422, again.status(), again.body());
        assertEquals("not_a_reader_payment", again.errorCode());
        assertEquals(1, readerCalls(KIOSK_READER).size(), "nothing more went to the reader");
    }

    @Test
    void aGuestStayingInTheRoomMayChargeItThereInsteadSomebodyElseMayNot() {
        start();
        JsonNode stay = desk.postJson(
                        "/api/staff/bookings",
                        "{\"roomTypeId\": \"double\", \"checkIn\": \"2026-03-10\", \"checkOut\": \"2026-03-12\","
                                + " \"guests\": 1, \"contact\": {\"name\": \"Ana López\"}}")
                .json();
        Response checkedIn = desk.send(
                "PATCH",
                "/api/staff/bookings/" + stay.get("id"),
                "application/json",
                "{\"status\": \"checked_in\", \"roomNumber\": \"107\"}");
        assertEquals(200, checkedIn.status(), checkedIn.body());
        JsonNode ana = roomOrder("Ana Lopez");
        JsonNode stranger = roomOrder("Bob Smith");

        Response refused = payOtherwise(kiosk, stranger, "room");
        assertEquals(422, refused.status(), refused.body());
        assertEquals("not_the_guest_in_room", refused.errorCode());
        assertEquals("terminal", payment(kiosk, stranger).get("method").asText(), "a refusal changes nothing");
        Response charged = payOtherwise(kiosk, ana, "room");
        assertEquals(200, charged.status(), charged.body());
        assertEquals("room", charged.json().at("/payment/method").asText());
        assertEquals(
                stay.get("id").asLong(),
                desk.get("/api/staff/orders/" + ana.get("id"))
                        .json()
                        .get("stayId")
                        .asLong(),
                "on the stay's folio");
    }

    private JsonNode roomOrder(String name) {
        Response placed = kiosk.postJson(
                "/api/orders/create",
                "{\"items\": [{\"itemId\": \"club-sandwich\", \"quantity\": 1}], \"payment\": {\"method\":"
                        + " \"terminal\"}, \"roomNumber\": \"107\", \"contact\": {\"name\": \"" + name + "\"}}");
        assertEquals(201, placed.status(), placed.body());
        return placed.json();
    }

    private Response payOtherwise(RawHttp caller, JsonNode order, String method) {
        return caller.postJson("/api/orders/" + order.get("id") + "/payment", "{\"method\": \"" + method + "\"}");
    }

    @Test
    void cancellingStopsTheReaderAndLeavesTheOrderUnpaidToTryAgain() {
        start();
        JsonNode order = order(kiosk, "terminal");
        collect(kiosk, order);
        Response twice = collect(kiosk, order);
        assertEquals(409, twice.status(), twice.body());
        assertEquals("payment_in_progress", twice.errorCode());

        Response cancelled = kiosk.postJson("/api/orders/" + order.get("id") + "/terminal/cancel", "");
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("unpaid", cancelled.json().at("/payment/status").asText());
        assertTrue(stripe.reader(KIOSK_READER).get("action").isNull(), "the reader stopped waiting");

        assertEquals(200, collect(kiosk, order).status(), "the guest may try again");
        assertEquals(
                "in_progress", stripe.reader(KIOSK_READER).at("/action/status").asText());
        assertEquals(List.of(), stripe.problems());
    }

    @Test
    void anUnreachableReaderIsA502AndTheOrderStaysUnpaid() {
        start();
        JsonNode order = order(kiosk, "terminal");
        stripe.setReaderOnline(KIOSK_READER, false);

        Response refused = collect(kiosk, order);
        assertEquals(502, refused.status(), refused.body());
        assertEquals("card_reader_unavailable", refused.errorCode());
        assertEquals("unpaid", payment(kiosk, order).get("status").asText());

        stripe.setReaderOnline(KIOSK_READER, true);
        assertEquals(200, collect(kiosk, order).status());
        stripe.tapCard(KIOSK_READER, "4242424242424242");
        assertEquals("paid", payment(kiosk, order).get("status").asText());
    }

    @Test
    void theReadersWebhookPaysTheOrderWithoutTheKioskAsking() {
        start();
        JsonNode order = order(kiosk, "terminal");
        collect(kiosk, order);
        stripe.tapCard(KIOSK_READER, "4242424242424242");

        String event = stripe.readerEvent("terminal.reader.action_succeeded", KIOSK_READER, Stripe.API_VERSION);
        Response answer = server.http()
                .with("Stripe-Signature", FakeStripe.signature(event, WEBHOOK_SECRET, Instant.now()))
                .send("POST", "/api/webhooks/stripe", "application/json", event);
        assertEquals(200, answer.status(), answer.body());

        assertEquals(
                "paid",
                desk.get("/api/staff/orders/" + order.get("id"))
                        .json()
                        .at("/payment/status")
                        .asText());
    }

    @Test
    void theDeskUsesTheVenuesReaderAndAWebsiteDrivesNone() {
        start();
        JsonNode atDesk = order(desk, "terminal");
        Response collecting = collect(desk, atDesk);
        assertEquals(200, collecting.status(), collecting.body());
        assertEquals(1, readerCalls(DESK_READER).size());

        String key = server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Website", List.of()))
                .key();
        RawHttp website = server.http().with("X-Concierge-Key", key);
        JsonNode online = order(website, "terminal");
        Response refused = collect(website, online);
        assertEquals(403, refused.status(), refused.body());
        assertEquals("kiosk_only", refused.errorCode());
        Response notSwitched = payOtherwise(website, online, "desk");
        assertEquals(403, notSwitched.status(), notSwitched.body());

        JsonNode byRoom = order(kiosk, "desk");
        Response notAtReader = collect(kiosk, byRoom);
        assertEquals(422, notAtReader.status(), notAtReader.body());
        assertEquals("not_a_reader_payment", notAtReader.errorCode());
        assertEquals(1, stripe.intents().size(), "only the desk's order went to a reader");
        assertEquals(List.of(), stripe.problems());
    }
}
