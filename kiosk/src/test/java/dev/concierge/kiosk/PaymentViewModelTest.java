package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.kiosk.PaymentViewModel.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The payment at the card reader through the chat it starts from, against the server in memory. */
class PaymentViewModelTest {
    private final FakeKioskApi server = new FakeKioskApi();
    private final MutableClock clock = new MutableClock();
    private final List<RuntimeException> lost = new ArrayList<>();
    private final KioskApi paired = server.withDeviceToken("ckt_good");
    private final ChatViewModel chat = new ChatViewModel(
            () -> paired, new Calls(Runnable::run, Runnable::run), Duration.ofSeconds(60), clock, lost::add);
    private final PaymentViewModel payment = chat.payment();

    @BeforeEach
    void orderAtTheKiosk() {
        chat.useVenue(FakeKioskApi.VENUE);
    }

    private void order(long id, String room) {
        server.replies.add(server.orderedAtReader(id, room));
        chat.send("yes");
    }

    private void tick(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        chat.tick(clock.get());
    }

    private List<String> lines() {
        return chat.transcript().stream()
                .filter(entry -> entry.role() == ChatViewModel.Role.NOTICE)
                .map(ChatViewModel.Entry::text)
                .toList();
    }

    @Test
    void anOrderPlacedByCardAsksForTheCardAtTheReaderWithItsAmount() {
        order(41, null);

        assertEquals(Step.WAITING, payment.getStep());
        assertEquals("€29.00", payment.amountProperty().get());
        assertEquals(List.of("collect 41"), server.readerCalls);
        assertFalse(payment.roomAllowedProperty().get(), "a table order has no room to charge");
    }

    @Test
    void aCardTakenSettlesTheOrderWithALineInTheConversation() {
        order(41, null);
        tick(1);
        assertEquals(Step.WAITING, payment.getStep(), "no card yet");

        server.cardTapped(41, "paid");
        tick(1);

        assertEquals(Step.NONE, payment.getStep());
        assertEquals(List.of("Paid €29.00 by card. Thank you!"), lines());
        assertEquals(List.of("collect 41", "read 41", "read 41"), server.readerCalls);
    }

    @Test
    void aBookingHeldForItsDepositTakesTheDepositAtTheReaderAndIsConfirmed() {
        server.replies.add(server.bookedWithDeposit(7));
        chat.send("yes");
        assertEquals(Step.WAITING, payment.getStep());
        assertEquals("€20.00", payment.amountProperty().get());
        assertFalse(payment.roomAllowedProperty().get(), "a deposit is not charged to a room");
        server.depositIs(7, "failed");
        tick(1);
        assertEquals(Step.DECLINED, payment.getStep());

        payment.retry();
        server.depositIs(7, "paid");
        tick(1);

        assertEquals(Step.NONE, payment.getStep());
        assertEquals(List.of("Deposit of €20.00 paid by card: your booking is confirmed. Thank you!"), lines());
        assertEquals(
                List.of("collect deposit 7", "read deposit 7", "collect deposit 7", "read deposit 7"),
                server.readerCalls);
    }

    @Test
    void aGuestWhoStopsTheReaderForADepositIsToldToPayItAtTheDesk() {
        server.replies.add(server.bookedWithDeposit(7));
        chat.send("yes");
        payment.stop();
        assertEquals(Step.STOPPED, payment.getStep());

        payment.payAtDesk();

        assertEquals(Step.NONE, payment.getStep());
        assertEquals(
                List.of("Please pay the deposit of €20.00 at the desk soon: your place is held until then."), lines());
        assertEquals(List.of("collect deposit 7", "cancel deposit 7", "desk deposit 7"), server.readerCalls);
    }

    @Test
    void aDeclinedCardMayBeTriedAgainAndThenPays() {
        order(41, null);
        server.cardTapped(41, "failed");
        tick(1);
        assertEquals(Step.DECLINED, payment.getStep());

        payment.retry();
        assertEquals(Step.WAITING, payment.getStep());
        server.cardTapped(41, "paid");
        tick(1);

        assertEquals(Step.NONE, payment.getStep());
        assertEquals(
                2,
                server.readerCalls.stream().filter(c -> c.startsWith("collect")).count());
    }

    @Test
    void noCardInTimeStopsTheReaderAndTheGuestMayPayAtTheDesk() {
        order(41, null);
        for (int second = 0; second < 59; second++) {
            tick(1);
        }
        assertEquals(Step.WAITING, payment.getStep());
        assertEquals(-1, chat.secondsLeftProperty().get(), "no idle countdown while the guest is at the reader");

        tick(1);
        assertEquals(Step.STOPPED, payment.getStep());
        assertTrue(server.readerCalls.contains("cancel 41"));

        payment.payAtDesk();

        assertEquals(Step.NONE, payment.getStep());
        assertEquals("desk", server.orders.get(41L).payment().method());
        assertEquals(List.of("Please pay €29.00 at the desk or on delivery."), lines());
    }

    @Test
    void aRoomChargeIsOfferedForARoomOrderAndARefusalIsSaid() {
        order(42, "107");
        assertTrue(payment.roomAllowedProperty().get());
        payment.stop();
        server.roomChargeAllowed = false;

        payment.chargeToRoom();
        assertEquals(Step.REFUSED, payment.getStep());
        assertEquals("terminal", server.orders.get(42L).payment().method(), "a refusal changes nothing");

        server.roomChargeAllowed = true;
        payment.chargeToRoom();
        assertEquals(List.of("€29.00 is charged to room 107."), lines());
    }

    @Test
    void aReaderThatCannotBeReachedIsSaidAndMayBeTriedAgain() {
        server.readerDown = true;
        order(43, null);
        assertEquals(Step.UNAVAILABLE, payment.getStep());
        assertTrue(lost.isEmpty(), "the kiosk itself still works");

        server.readerDown = false;
        payment.retry();
        assertEquals(Step.WAITING, payment.getStep());
    }

    @Test
    void aGuestWhoLeavesStopsTheReaderSoTheNextGuestsCardIsNotTakenForIt() {
        order(44, null);

        chat.startOver();

        assertEquals(Step.NONE, payment.getStep());
        assertEquals("", payment.amountProperty().get());
        assertEquals(List.of("collect 44", "cancel 44"), server.readerCalls);
        assertEquals("unpaid", server.orders.get(44L).payment().status());
        tick(5);
        assertEquals(List.of("collect 44", "cancel 44"), server.readerCalls, "nothing more is asked about it");
    }

    @Test
    void theServerGoneWhileAtTheReaderPutsTheKioskOutOfService() {
        order(45, null);
        server.down = true;
        tick(1);
        assertEquals(Step.WAITING, payment.getStep(), "one missed read is retried");

        payment.payAtDesk();
        assertEquals(Step.WAITING, payment.getStep(), "no other way while the reader waits");
        payment.stop();
        assertEquals(1, lost.size());
        assertEquals(Step.NONE, payment.getStep());
    }
}
