package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.concierge.api.BookingView;
import dev.concierge.testing.FakeStripe;
import dev.concierge.testing.VenueBuilder;
import dev.concierge.testing.fx.FxWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A massage that asks for a deposit, booked at the kiosk in the real window: the card says the booking is held and
 * the deposit due, the reader beside the kiosk takes the deposit and the booking is confirmed.
 */
class KioskDepositIT {
    private static final String READER = "tmr_lobby";

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
        Path venue = VenueBuilder.smallHotel().set("services[0].deposit", 2000).writeTo(dir.resolve("venue.yaml"));
        server = KioskTestServer.start(
                dir.resolve("data"),
                0,
                Map.of("STRIPE_SECRET_KEY", "sk_test_local", "STRIPE_API_BASE", stripe.base()),
                venue);
        screen.open(server.uri(), "--pair", server.pairingCode(READER));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        server.close();
        stripe.close();
        System.clearProperty(KioskSettings.DIRECTORY_PROPERTY);
    }

    private BookingView theBooking() {
        List<BookingView> bookings =
                server.staff("front_desk").get("/api/staff/bookings", new TypeReference<List<BookingView>>() {});
        assertEquals(1, bookings.size());
        return bookings.get(0);
    }

    @Test
    void aBookingHeldForItsDepositIsConfirmedOnceTheReaderTakesIt() throws Exception {
        screen.sayAndWait("Book a massage tomorrow at 10am, I'm Ana López, ana@example.com");
        assertTrue(
                screen.lines("assistant").stream().anyMatch(line -> line.contains("deposit of €20.00")),
                screen.lines("assistant").toString());
        screen.say("yes");
        screen.waitUntil(() -> screen.visible("#payment-panel") && screen.visible("#payment-cancel"));
        assertEquals("€20.00", screen.text("#payment-amount"));
        assertEquals("Booking held: deposit of €20.00 due", screen.text("#card-title"));
        assertEquals("pending", theBooking().status());
        assertTrue(!screen.shows("#payment-room"), "a deposit is not charged to a room");
        screen.screenshot("kiosk-deposit-tap.png");

        stripe.tapCard(READER, "4242424242424242");

        screen.waitUntil(() -> !screen.visible("#payment-panel"));
        assertEquals(
                "Deposit of €20.00 paid by card: your booking is confirmed. Thank you!",
                screen.lines("notice").get(0));
        assertEquals("confirmed", theBooking().status());
        assertEquals("paid", theBooking().deposit().status());
        assertEquals(List.of(), stripe.problems());
        screen.screenshot("kiosk-deposit-paid.png");
    }
}
