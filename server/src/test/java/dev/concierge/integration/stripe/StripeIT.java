package dev.concierge.integration.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
 * Card payments against a local Stripe that answers with Stripe's own resources and checks every request: a card
 * order gets one PaymentIntent (idempotent by its reference) and its client secret, signed webhooks move its payment,
 * a bad signature changes nothing, an outage leaves the order standing, and refunds go out once through the outbox.
 */
class StripeIT {
    private static final String WEBHOOK_SECRET = "whsec_test_5a7d9c1e3b";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private FakeStripe stripe;
    private WebhookReceiver n8n;
    private TestServer server;
    private RawHttp website;
    private RawHttp desk;
    private RawHttp manager;

    private void start(boolean webhookSecret) {
        stripe = FakeStripe.start();
        n8n = WebhookReceiver.start();
        Map<String, String> env = new HashMap<>(n8n.serverEnvironment());
        env.put("STRIPE_SECRET_KEY", "sk_test_local");
        env.put("STRIPE_API_BASE", stripe.base());
        env.put("OUTBOX_RETRY_BASE_MS", "50");
        if (webhookSecret) {
            env.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
        }
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withFrozenNow(LocalDateTime.of(2026, 3, 10, 12, 0))
                .withEnvironment(env));
        desk = server.http().bearer(server.tokenFor("front_desk"));
        manager = server.http().bearer(server.tokenFor("manager"));
        String key = server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Website", List.of()))
                .key();
        website = server.http().with("X-Concierge-Key", key);
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

    private JsonNode orderByCard() {
        Response placed = website.postJson(
                "/api/orders/create",
                "{\"items\": [{\"itemId\": \"club-sandwich\", \"quantity\": 2}], \"payment\": {\"method\": \"card\"},"
                        + " \"table\": \"7\"}");
        assertEquals(201, placed.status(), placed.body());
        return placed.json();
    }

    private JsonNode confirm(JsonNode order) {
        Response confirmed = website.postJson("/api/orders/confirm", "{\"orderId\": " + order.get("id") + "}");
        assertEquals(200, confirmed.status(), confirmed.body());
        return confirmed.json();
    }

    private String paymentStatus(JsonNode order) {
        return desk.get("/api/staff/orders/" + order.get("id"))
                .json()
                .at("/payment/status")
                .asText();
    }

    private Response webhook(String payload, String signature) {
        return server.http()
                .with("Stripe-Signature", signature)
                .send("POST", "/api/webhooks/stripe", "application/json", payload);
    }

    private String onlyIntentId() {
        assertEquals(1, stripe.intents().size(), stripe.intents().toString());
        return stripe.intents().keySet().iterator().next();
    }

    private void paid(JsonNode order) {
        String intent = onlyIntentId();
        stripe.setStatus(intent, "succeeded");
        String event = stripe.event("payment_intent.succeeded", intent, Stripe.API_VERSION);
        Response answer = webhook(event, FakeStripe.signature(event, WEBHOOK_SECRET, Instant.now()));
        assertEquals(200, answer.status(), answer.body());
        assertEquals("paid", paymentStatus(order));
    }

    @Test
    void aCardOrderGetsOnePaymentIntentAndIsPaidWhenStripeSaysSo() {
        start(true);
        JsonNode order = orderByCard();
        String reference = order.get("reference").asText();

        String intentId = onlyIntentId();
        JsonNode intent = stripe.intents().get(intentId);
        assertEquals("pending", order.at("/payment/status").asText());
        assertEquals(
                intent.get("client_secret").asText(),
                order.at("/payment/clientSecret").asText());
        FakeStripe.Recorded create = stripe.requests().get(0);
        assertEquals("/v1/payment_intents", create.path());
        assertEquals("order-" + reference + "-payment", create.idempotencyKey());
        assertEquals("2900", create.params().get("amount"));
        assertEquals("eur", create.params().get("currency"));
        assertEquals(reference, create.params().get("metadata[order_reference]"));

        JsonNode confirmed = confirm(order);
        assertEquals("pending", confirmed.at("/payment/status").asText());
        assertEquals(
                intent.get("client_secret").asText(),
                confirmed.at("/payment/clientSecret").asText());
        assertEquals(1, stripe.intents().size(), "confirming reads the PaymentIntent, never makes another");

        paid(order);
        n8n.await(
                "order.paid",
                WAIT,
                () -> !n8n.withData("order.paid", "reference", reference).isEmpty());
        assertNull(confirm(order).at("/payment/clientSecret").textValue(), "nothing left for the payer to do");

        // Stripe sends an event again when it missed our answer: it counts once
        String again = stripe.event("payment_intent.payment_failed", intentId, Stripe.API_VERSION);
        assertEquals(
                200,
                webhook(again, FakeStripe.signature(again, WEBHOOK_SECRET, Instant.now()))
                        .status());
        assertEquals("paid", paymentStatus(order), "a late failure does not unpay a paid order");
        assertEquals(List.of(), stripe.problems());
        assertEquals(List.of(), n8n.problems());
    }

    @Test
    void aWebhookWithABadSignatureIsRefusedAndChangesNothing() {
        start(true);
        JsonNode order = orderByCard();
        String intent = onlyIntentId();
        stripe.setStatus(intent, "succeeded");
        String event = stripe.event("payment_intent.succeeded", intent, Stripe.API_VERSION);

        Response tampered = webhook(
                event.replace("\"amount\":2900", "\"amount\":1"),
                FakeStripe.signature(event, WEBHOOK_SECRET, Instant.now()));
        Response wrongSecret = webhook(event, FakeStripe.signature(event, "whsec_other", Instant.now()));
        Response stale = webhook(
                event, FakeStripe.signature(event, WEBHOOK_SECRET, Instant.now().minus(Duration.ofHours(1))));
        Response unsigned = server.http().send("POST", "/api/webhooks/stripe", "application/json", event);

        for (Response refused : List.of(tampered, wrongSecret, stale, unsigned)) {
            assertEquals(400, refused.status(), refused.body());
            assertEquals("invalid_request", refused.errorCode());
        }
        assertEquals("pending", paymentStatus(order));
        assertEquals(
                200,
                webhook(event, FakeStripe.signature(event, WEBHOOK_SECRET, Instant.now()))
                        .status());
        assertEquals("paid", paymentStatus(order), "the same event, signed, is taken");
    }

    @Test
    void withStripeDownTheOrderStandsUnpaidAndConfirmingStartsThePaymentLater() {
        start(true);
        stripe.stopListening();
        JsonNode order = orderByCard();
        assertEquals("unpaid", order.at("/payment/status").asText());
        assertNull(order.at("/payment/clientSecret").textValue());
        assertEquals(
                "new",
                desk.get("/api/staff/orders/" + order.get("id"))
                        .json()
                        .get("status")
                        .asText(),
                "the kitchen sees the order");

        stripe.listen();
        JsonNode confirmed = confirm(order);
        assertEquals("pending", confirmed.at("/payment/status").asText());
        assertEquals(
                stripe.intents().get(onlyIntentId()).get("client_secret").asText(),
                confirmed.at("/payment/clientSecret").asText());
        assertEquals(List.of(), stripe.problems());
    }

    @Test
    void aManagerRefundsAPaidCardOrderOnceThroughTheOutbox() {
        start(true);
        JsonNode order = orderByCard();
        long id = order.get("id").asLong();
        assertEquals(
                409, manager.postJson("/api/staff/orders/" + id + "/refund", "").status(), "not paid yet");
        paid(order);

        assertEquals(
                403, desk.postJson("/api/staff/orders/" + id + "/refund", "").status());
        stripe.failNext(503);
        Response asked = manager.postJson("/api/staff/orders/" + id + "/refund", "");
        assertEquals(202, asked.status(), asked.body());
        assertEquals(
                "refund_requested",
                manager.postJson("/api/staff/orders/" + id + "/refund", "").errorCode());

        n8n.await("the refund", WAIT, () -> "refunded".equals(paymentStatus(order)));
        List<FakeStripe.Recorded> refunds = stripe.requests().stream()
                .filter(r -> r.path().equals("/v1/refunds"))
                .toList();
        assertEquals(2, refunds.size(), "one failed with a 503, then one went through: " + refunds);
        assertEquals(refunds.get(0).idempotencyKey(), refunds.get(1).idempotencyKey(), "the retry is the same refund");
        assertEquals(onlyIntentId(), refunds.get(1).params().get("payment_intent"));
        assertEquals(List.of(), stripe.problems());
    }

    @Test
    void withoutAWebhookSecretStripeWebhooksAreNotTaken() {
        start(false);
        Response answer = webhook("{}", "t=1,v1=00");
        assertEquals(503, answer.status(), answer.body());
        assertEquals("stripe_not_configured", answer.errorCode());
    }
}
