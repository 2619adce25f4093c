package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.concierge.api.OrderView;
import dev.concierge.testing.FakeStripe;
import dev.concierge.testing.fx.FxWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paying at the card reader beside the kiosk, in the real window against a real demo server whose Stripe is a local
 * one with a reader that takes taps from the test.
 */
class KioskPaymentIT {
    private static final String READER = "tmr_lobby";
    private static final String TAP = "Tap or insert your card on the reader";

    private final FxWindow window = new FxWindow();
    private final KioskScreen screen = new KioskScreen(window);
    private FakeStripe stripe;
    private KioskTestServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        System.setProperty(
                KioskSettings.DIRECTORY_PROPERTY, dir.resolve("kiosk").toString());
        stripe = FakeStripe.start();
        stripe.addReader(READER);
        server = KioskTestServer.start(
                dir.resolve("data"), 0, Map.of("STRIPE_SECRET_KEY", "sk_test_local", "STRIPE_API_BASE", stripe.base()));
        screen.open(server.uri(), "--pair", server.pairingCode(READER));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        server.close();
        stripe.close();
        System.clearProperty(KioskSettings.DIRECTORY_PROPERTY);
    }

    private OrderView theOrder() {
        List<OrderView> orders =
                server.staff("front_desk").get("/api/staff/orders", new TypeReference<List<OrderView>>() {});
        assertEquals(1, orders.size());
        return orders.get(0);
    }

    private void orderByCard() throws Exception {
        screen.sayAndWait("Can I order a fruit salad to room 214? By card");
        screen.say("yes");
        screen.waitUntil(() -> screen.visible("#payment-panel") && screen.visible("#payment-cancel"));
    }

    @Test
    void aDeclinedCardIsSaidAndAnotherCardPays() throws Exception {
        orderByCard();
        assertEquals("€6.00", screen.text("#payment-amount"));
        assertEquals(TAP, screen.text("#payment-message"));
        assertEquals("pending", theOrder().payment().status());
        FxWindow.assertEveryControlIsNamed(
                window.robot().lookup("#payment-panel").queryParent());
        screen.screenshot("kiosk-payment-tap.png");

        stripe.tapCard(READER, FakeStripe.DECLINED_CARD);
        screen.waitUntil(() -> screen.visible("#payment-retry"));
        assertEquals("Your card was declined. Try another card, or pay another way.", screen.text("#payment-message"));
        assertTrue(screen.shows("#payment-desk"));
        assertTrue(screen.shows("#payment-room"), "a room order may be charged to the room");
        screen.screenshot("kiosk-payment-declined.png");

        screen.click("#payment-retry");
        screen.waitUntil(() -> screen.visible("#payment-cancel"));
        stripe.tapCard(READER, "4242424242424242");

        screen.waitUntil(() -> !screen.visible("#payment-panel"));
        assertEquals("Paid €6.00 by card. Thank you!", screen.lines("notice").get(0));
        assertEquals("paid", theOrder().payment().status());
        assertEquals(List.of(), stripe.problems());
        screen.screenshot("kiosk-payment-paid.png");
    }

    @Test
    void aGuestWithoutACardStopsTheReaderAndPaysAtTheDesk() throws Exception {
        orderByCard();

        screen.click("#payment-cancel");
        screen.waitUntil(() -> screen.visible("#payment-desk"));
        assertTrue(stripe.reader(READER).get("action").isNull(), "the reader stopped waiting");
        screen.click("#payment-desk");

        screen.waitUntil(() -> !screen.visible("#payment-panel"));
        assertEquals(
                "Please pay €6.00 at the desk or on delivery.",
                screen.lines("notice").get(0));
        assertEquals("desk", theOrder().payment().method());
        assertEquals("unpaid", theOrder().payment().status());
    }

    @Test
    void aRoomChargeTheServerRefusesIsSaidAndChangesNothing() throws Exception {
        orderByCard();
        stripe.tapCard(READER, FakeStripe.DECLINED_CARD);
        screen.waitUntil(() -> screen.visible("#payment-room"));

        screen.click("#payment-room"); // nobody is checked in to room 214

        screen.waitUntil(() -> screen.visible("#payment-desk") && !screen.visible("#payment-room"));
        assertEquals(
                "This order cannot be charged to a room here. Please pay at the desk, or try a card again.",
                screen.text("#payment-message"));
        assertEquals("terminal", theOrder().payment().method());
        assertFalse(screen.shows("#notice-line"));
        screen.screenshot("kiosk-payment-refused.png");
    }
}
