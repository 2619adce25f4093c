package dev.concierge.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.FakeStripe;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A massage that asks for a deposit, booked in a chat at the kiosk: the summary says the deposit is paid at the card
 * reader, the yes holds the place (pending, deposit unpaid) and the kiosk's reader takes the deposit, a declined card
 * then another; a guest who stops the reader may pay at the desk instead. A website chat cannot take a card, so there
 * the booking is confirmed at once, and a website cannot drive the reader.
 */
class DepositAtReaderIT {
    private static final String KIOSK_READER = "tmr_lobby";

    @TempDir
    Path dataDir;

    private FakeStripe stripe;
    private TestServer server;
    private RawHttp kiosk;
    private RawHttp desk;
    private RawHttp website;

    @BeforeEach
    void start() {
        stripe = FakeStripe.start();
        stripe.addReader(KIOSK_READER);
        Path venue = VenueBuilder.smallHotel()
                .set("services[0].deposit", 2000)
                .writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(LocalDateTime.of(2026, 3, 10, 9, 0))
                .withEnvironment(Map.of("STRIPE_SECRET_KEY", "sk_test_local", "STRIPE_API_BASE", stripe.base())));
        desk = server.http().bearer(server.tokenFor("front_desk"));
        kiosk = server.pairedKiosk("Lobby", KIOSK_READER);
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
    }

    /** The massage booked in a chat on {@code channel}: answers the summary's reply and the yes's answer. */
    private JsonNode[] chatBooking(RawHttp caller, String channel) {
        JsonNode summary = caller.postJson(
                        "/api/chat",
                        "{\"message\": \"Book a massage tomorrow at 10am, I'm Ana López, ana@example.com\","
                                + " \"channel\": \"" + channel + "\"}")
                .json();
        JsonNode booked = caller.postJson(
                        "/api/chat",
                        "{\"conversationId\": \""
                                + summary.path("conversationId").asText() + "\", \"message\": \"yes\", \"channel\": \""
                                + channel + "\"}")
                .json();
        return new JsonNode[] {summary, booked};
    }

    private Response collect(JsonNode booking) {
        return kiosk.postJson("/api/reservations/" + booking.get("id") + "/terminal", "");
    }

    private JsonNode confirm(JsonNode booking) {
        Response confirmed = kiosk.postJson("/api/reservations/confirm", "{\"bookingId\": " + booking.get("id") + "}");
        assertEquals(200, confirmed.status(), confirmed.body());
        return confirmed.json();
    }

    private JsonNode stored(JsonNode booking) {
        return desk.get("/api/staff/bookings/" + booking.get("id")).json();
    }

    @Test
    void aKioskBookingIsHeldUntilItsDepositIsPaidAtTheReaderADeclinedCardThenAnother() {
        JsonNode[] chat = chatBooking(kiosk, "kiosk");
        assertTrue(chat[0].path("reply").asText().contains("deposit of €20.00"), chat[0].toString());
        JsonNode booking = chat[1].path("booking");
        String reference = booking.path("reference").asText();
        assertEquals("pending", booking.path("status").asText(), chat[1].toString());
        assertEquals("unpaid", booking.at("/deposit/status").asText());
        assertEquals(2000, booking.at("/deposit/amount/amount").asLong());
        assertTrue(chat[1].path("reply").asText().contains(reference), chat[1].toString());
        assertTrue(chat[1].path("reply").asText().contains("card reader"), chat[1].toString());
        assertEquals(0, stripe.intents().size(), "nothing is charged before the kiosk asks the reader");
        assertEquals("unpaid", confirm(booking).at("/deposit/status").asText(), "a kiosk's deposit is not online");

        Response collecting = collect(booking);
        assertEquals(200, collecting.status(), collecting.body());
        assertEquals("pending", collecting.json().at("/deposit/status").asText());
        JsonNode intent = stripe.intents().values().iterator().next();
        assertEquals(1, stripe.intents().size());
        assertEquals("[\"card_present\"]", intent.get("payment_method_types").toString());
        assertEquals(2000, intent.get("amount").asLong());
        assertEquals(reference, intent.at("/metadata/booking_reference").asText(), intent.toString());
        assertEquals(
                "deposit-" + reference + "-terminal-payment",
                stripe.requests().get(0).idempotencyKey());
        Response deskWhileWaiting =
                kiosk.postJson("/api/reservations/" + booking.get("id") + "/payment", "{\"method\": \"desk\"}");
        assertEquals(409, deskWhileWaiting.status(), deskWhileWaiting.body());
        assertEquals("payment_in_progress", collect(booking).errorCode());

        stripe.tapCard(KIOSK_READER, FakeStripe.DECLINED_CARD);
        assertEquals("failed", confirm(booking).at("/deposit/status").asText());
        assertEquals("pending", stored(booking).get("status").asText(), "a decline keeps the place held");

        assertEquals(200, collect(booking).status());
        stripe.tapCard(KIOSK_READER, "4242424242424242");
        JsonNode paid = confirm(booking);
        assertEquals("paid", paid.at("/deposit/status").asText());
        assertEquals("confirmed", paid.get("status").asText());
        assertEquals("confirmed", stored(booking).get("status").asText());
        assertEquals(1, stripe.intents().size(), "one PaymentIntent for the deposit, two tries on it");
        assertEquals("already_paid", collect(booking).errorCode());
        assertEquals(List.of(), stripe.problems());
    }

    @Test
    void aGuestWhoStopsTheReaderPaysTheDepositAtTheDeskAndThePlaceStaysHeld() {
        JsonNode booking = chatBooking(kiosk, "kiosk")[1].path("booking");
        collect(booking);
        Response stopped = kiosk.postJson("/api/reservations/" + booking.get("id") + "/terminal/cancel", "");
        assertEquals(200, stopped.status(), stopped.body());
        assertEquals("unpaid", stopped.json().at("/deposit/status").asText());
        assertTrue(stripe.requests().stream().anyMatch(r -> r.path().endsWith("/cancel_action")));

        Response room = kiosk.postJson("/api/reservations/" + booking.get("id") + "/payment", "{\"method\": \"room\"}");
        assertEquals(400, room.status(), room.body());
        Response atDesk =
                kiosk.postJson("/api/reservations/" + booking.get("id") + "/payment", "{\"method\": \"desk\"}");
        assertEquals(200, atDesk.status(), atDesk.body());

        JsonNode held = stored(booking);
        assertEquals("pending", held.get("status").asText(), "held until the desk takes the deposit");
        assertEquals("unpaid", held.at("/deposit/status").asText());
        String history = desk.get("/api/staff/bookings/" + booking.get("id") + "/history")
                .body();
        assertTrue(history.contains("card reader → desk"), history);
    }

    @Test
    void aWebsiteChatConfirmsWithoutADepositAndAWebsiteCannotDriveTheReader() {
        JsonNode[] chat = chatBooking(website, "web");
        assertTrue(!chat[0].path("reply").asText().contains("deposit"), chat[0].toString());
        JsonNode booking = chat[1].path("booking");
        assertEquals("confirmed", booking.path("status").asText(), chat[1].toString());
        assertTrue(
                booking.path("deposit").isMissingNode()
                        || booking.path("deposit").isNull(),
                booking.toString());

        JsonNode kioskBooking = chatBooking(kiosk, "kiosk")[1].path("booking");
        Response fromWebsite = website.postJson("/api/reservations/" + kioskBooking.get("id") + "/terminal", "");
        assertEquals(403, fromWebsite.status(), fromWebsite.body());
        assertEquals("kiosk_only", fromWebsite.errorCode());
        assertEquals(0, stripe.intents().size());
    }
}
