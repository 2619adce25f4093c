package dev.concierge.booking;

import static dev.concierge.jooq.Tables.BOOKING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.Stripe;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.FakeStripe;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import dev.concierge.testing.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deposits against a local Stripe: a massage booked on the venue's page with a deposit is pending and holds its
 * place until the deposit is paid (then confirmed) or its hold runs out (then cancelled, the payment stopped and the
 * place free again); the desk and services without a deposit confirm at once; an outage leaves the booking held.
 */
class DepositIT {
    private static final String WEBHOOK_SECRET = "whsec_test_deposit";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 10, 9, 0);
    private static final String MASSAGE_AT_11 =
            "{\"serviceId\": \"massage-60\", \"start\": \"2026-03-10T11:00\", \"partySize\": 1,"
                    + " \"contact\": {\"name\": \"Ana López\", \"email\": \"ana@example.com\"}}";

    @TempDir
    Path dataDir;

    private FakeStripe stripe;
    private WebhookReceiver n8n;
    private TestServer server;
    private RawHttp website;
    private RawHttp desk;

    private void start() {
        stripe = FakeStripe.start();
        n8n = WebhookReceiver.start();
        Path venue = VenueBuilder.smallHotel()
                .set("services[0].deposit", 2000)
                .writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        Map<String, String> env = new HashMap<>(n8n.serverEnvironment());
        env.put("STRIPE_SECRET_KEY", "sk_test_local");
        env.put("STRIPE_API_BASE", stripe.base());
        env.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env.put("OUTBOX_RETRY_BASE_MS", "50");
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(NOW)
                .withEnvironment(env));
        desk = server.http().bearer(server.tokenFor("front_desk"));
        String key = server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Booking page", List.of()))
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

    private JsonNode book(RawHttp caller, String body) {
        Response booked = caller.postJson(caller == desk ? "/api/staff/bookings" : "/api/reservations", body);
        assertEquals(201, booked.status(), booked.body());
        return booked.json();
    }

    private JsonNode stored(JsonNode booking) {
        return desk.get("/api/staff/bookings/" + booking.get("id")).json();
    }

    private int freeAt11() {
        for (JsonNode slot : website.get("/api/availability?service=massage-60&date=2026-03-10")
                .json()
                .get("slots")) {
            if (slot.get("start").asText().startsWith("2026-03-10T11:00")) {
                return slot.get("remaining").asInt();
            }
        }
        return 0;
    }

    private String onlyIntentId() {
        assertEquals(1, stripe.intents().size(), stripe.intents().toString());
        return stripe.intents().keySet().iterator().next();
    }

    private Response webhook(String type, String intent) {
        String event = stripe.event(type, intent, Stripe.API_VERSION);
        return server.http()
                .with("Stripe-Signature", FakeStripe.signature(event, WEBHOOK_SECRET, Instant.now()))
                .send("POST", "/api/webhooks/stripe", "application/json", event);
    }

    /** As if the hold's half hour had passed (the server's clock is frozen). */
    private void holdRunsOut(JsonNode booking) {
        server.dsl()
                .update(BOOKING)
                .set(BOOKING.DEPOSIT_DUE_AT, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .where(BOOKING.ID.eq(booking.get("id").asLong()))
                .execute();
    }

    @Test
    void aDepositIsAskedOnlineAndPayingItConfirmsTheBooking() {
        start();
        JsonNode booking = book(website, MASSAGE_AT_11);
        String reference = booking.get("reference").asText();

        assertEquals("pending", booking.get("status").asText());
        JsonNode deposit = booking.get("deposit");
        assertEquals(2000, deposit.at("/amount/amount").asLong());
        assertEquals("EUR", deposit.at("/amount/currency").asText());
        assertEquals("pending", deposit.get("status").asText());
        String intent = onlyIntentId();
        assertEquals(
                stripe.intents().get(intent).get("client_secret").asText(),
                deposit.get("clientSecret").asText());
        assertEquals(
                NOW.plus(BookingService.DEPOSIT_HOLD)
                        .atZone(java.time.ZoneId.of("Europe/Madrid"))
                        .toInstant(),
                Instant.parse(deposit.get("dueAt").asText()));
        FakeStripe.Recorded create = stripe.requests().get(0);
        assertEquals("deposit-" + reference + "-payment", create.idempotencyKey());
        assertEquals(reference, create.params().get("metadata[booking_reference]"));
        assertEquals(1, freeAt11(), "the pending booking holds one of the two therapists");

        stripe.setStatus(intent, "succeeded");
        assertEquals(200, webhook("payment_intent.succeeded", intent).status());

        JsonNode paid = stored(booking);
        assertEquals("confirmed", paid.get("status").asText());
        assertEquals("paid", paid.at("/deposit/status").asText());
        assertNull(paid.at("/deposit/clientSecret").textValue());
        n8n.await(
                "booking.changed",
                WAIT,
                () -> n8n.withData("booking.changed", "reference", reference).stream()
                        .anyMatch(m -> m.data().get("status").asText().equals("confirmed")));
        assertEquals(200, webhook("payment_intent.payment_failed", intent).status());
        assertEquals("paid", stored(booking).at("/deposit/status").asText(), "a late failure changes nothing");

        server.runMinutelyJobs();
        assertEquals("confirmed", stored(booking).get("status").asText(), "a paid booking is never released");
        assertEquals(List.of(), stripe.problems());
    }

    @Test
    void anUnpaidHoldRunsOutThePaymentIsStoppedAndThePlaceIsFreeAgain() {
        start();
        JsonNode booking = book(website, MASSAGE_AT_11);
        String intent = onlyIntentId();
        server.runMinutelyJobs();
        assertEquals("pending", stored(booking).get("status").asText(), "still within its hold");

        holdRunsOut(booking);
        server.runMinutelyJobs();

        assertEquals("cancelled", stored(booking).get("status").asText());
        assertEquals("canceled", stripe.intents().get(intent).get("status").asText(), "the guest cannot pay now");
        assertEquals(2, freeAt11());
        String reference = booking.get("reference").asText();
        n8n.await(
                "booking.cancelled",
                WAIT,
                () -> !n8n.withData("booking.cancelled", "reference", reference).isEmpty());
        assertEquals(List.of(), stripe.problems());
    }

    @Test
    void aDepositPaidWhoseWebhookWasLostConfirmsInsteadOfBeingReleased() {
        start();
        JsonNode booking = book(website, MASSAGE_AT_11);
        stripe.setStatus(onlyIntentId(), "succeeded");
        holdRunsOut(booking);

        server.runMinutelyJobs();

        JsonNode after = stored(booking);
        assertEquals("confirmed", after.get("status").asText());
        assertEquals("paid", after.at("/deposit/status").asText());
    }

    @Test
    void theDeskAndServicesWithoutADepositAreConfirmedAtOnce() {
        start();
        JsonNode atDesk = book(desk, MASSAGE_AT_11);
        JsonNode dinner = book(
                website,
                "{\"serviceId\": \"dinner\", \"start\": \"2026-03-10T20:00\", \"partySize\": 2,"
                        + " \"contact\": {\"name\": \"Ana López\", \"email\": \"ana@example.com\"}}");

        for (JsonNode booking : List.of(atDesk, dinner)) {
            assertEquals("confirmed", booking.get("status").asText(), booking.toString());
            assertTrue(booking.path("deposit").isMissingNode(), booking.toString());
        }
        assertEquals(0, stripe.intents().size());
    }

    @Test
    void withStripeDownTheBookingIsHeldUnpaidAndConfirmStartsTheDepositLater() {
        start();
        stripe.stopListening();
        JsonNode booking = book(website, MASSAGE_AT_11);
        assertEquals("pending", booking.get("status").asText());
        assertEquals("unpaid", booking.at("/deposit/status").asText());
        assertNull(booking.at("/deposit/clientSecret").textValue());

        // no payment was ever started for it, so nobody can have paid: its hold runs out like any other
        holdRunsOut(booking);
        server.runMinutelyJobs();
        assertEquals("cancelled", stored(booking).get("status").asText());

        JsonNode second = book(website, MASSAGE_AT_11.replace("11:00", "12:00").replace("Ana López", "Luis Pérez"));
        stripe.listen();
        Response confirmed = website.postJson("/api/reservations/confirm", "{\"bookingId\": " + second.get("id") + "}");
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("pending", confirmed.json().at("/deposit/status").asText());
        assertEquals(
                stripe.intents().get(onlyIntentId()).get("client_secret").asText(),
                confirmed.json().at("/deposit/clientSecret").asText());
        assertTrue(!confirmed.body().contains("Luis"), "a confirm by id does not show who booked: " + confirmed.body());
        assertEquals(400, website.postJson("/api/reservations/confirm", "{}").status());
        assertEquals(List.of(), stripe.problems());
    }
}
