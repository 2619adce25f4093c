package dev.concierge.kiosk;

import dev.concierge.api.BookingView;
import dev.concierge.api.Money;
import dev.concierge.api.OrderView;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the guest pays at the card reader: an order, or the deposit that holds a booking ({@code deposit}), with its
 * payment's status in the server's words ({@code unpaid}, {@code pending}, {@code paid}, {@code failed}).
 *
 * @param roomNumber where an order goes (it may then be charged to that room); never for a deposit
 */
record Payable(
        boolean deposit,
        long id,
        Money amount,
        String status,
        @Nullable String roomNumber) {

    static Payable of(OrderView order) {
        return new Payable(false, order.id(), order.total(), order.payment().status(), order.roomNumber());
    }

    static Payable of(BookingView booking) {
        BookingView.Deposit deposit = Objects.requireNonNull(booking.deposit(), "a booking without a deposit");
        return new Payable(true, booking.id(), deposit.amount(), deposit.status(), null);
    }

    /** Whether {@code placed} is to be paid at the reader now: placed at the kiosk by card and not yet paid. */
    static boolean needsReader(OrderView placed) {
        return placed.payment().method().equals("terminal")
                && open(placed.payment().status());
    }

    /** Whether {@code booked} waits for its deposit (held, the deposit not yet paid). */
    static boolean needsReader(BookingView booked) {
        return booked.deposit() != null
                && booked.status().equals("pending")
                && open(booked.deposit().status());
    }

    private static boolean open(String status) {
        return status.equals("unpaid") || status.equals("failed");
    }

    /** The reader asks for a card. */
    Payable collect(KioskApi server) {
        return deposit ? of(server.collectDepositAtReader(id)) : of(server.collectAtReader(id));
    }

    /** How the payment is going now. */
    Payable read(KioskApi server) {
        return deposit ? of(server.readDeposit(id)) : of(server.readPayment(id));
    }

    /** The reader stops waiting for a card. */
    Payable cancel(KioskApi server) {
        return deposit ? of(server.cancelDepositAtReader(id)) : of(server.cancelAtReader(id));
    }

    /** Pays another way: {@code desk}, or {@code room} for an order brought to one. */
    Payable payOtherwise(KioskApi server, String method) {
        return deposit ? of(server.payDepositOtherwise(id, method)) : of(server.payOtherwise(id, method));
    }
}
