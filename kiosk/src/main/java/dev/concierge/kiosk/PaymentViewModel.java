package dev.concierge.kiosk;

import dev.concierge.api.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;

/**
 * Paying an order, or the deposit that holds a booking, at the card reader beside the kiosk: the server hands it to
 * the reader, the kiosk follows
 * it (every {@link #POLL}) until the card is paid, declined or the guest is too slow ({@link #READER_TIMEOUT}, then the
 * reader is stopped). After a decline, a timeout or a reader that does not answer the guest may try again, pay at the
 * desk, or charge their room when the order goes to one. A guest who leaves (start over) stops the reader, so the next
 * guest's card is never taken for it.
 */
final class PaymentViewModel {
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration READER_TIMEOUT = Duration.ofSeconds(60);

    /** Where the payment is, as the panel shows it. */
    enum Step {
        /** no payment on screen */
        NONE,
        /** the order is being handed to the reader */
        STARTING,
        /** the reader waits for the guest's card */
        WAITING,
        /** the card was declined */
        DECLINED,
        /** no card came in time, or the guest stopped the reader */
        STOPPED,
        /** the reader or the payment service could not be reached */
        UNAVAILABLE,
        /** the other way of paying was refused (e.g. not the name on the room's stay) */
        REFUSED
    }

    private final Supplier<KioskApi> server;
    private final Calls calls;
    private final Supplier<Instant> clock;
    private final Supplier<Texts> texts;
    private final Consumer<String> done;
    private final Consumer<RuntimeException> connectionFailed;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.NONE);
    private final ReadOnlyStringWrapper amount = new ReadOnlyStringWrapper(this, "amount", "");
    private final ReadOnlyBooleanWrapper roomAllowed = new ReadOnlyBooleanWrapper(this, "roomAllowed");

    private @Nullable Payable order;
    private @Nullable Instant waitingSince;
    private @Nullable Instant lastPoll;
    private boolean polling;
    /** Counts payments: an answer about an earlier one (the guest left) changes nothing. */
    private int attempt;

    /**
     * @param texts the guest's language now
     * @param done told the line to show in the conversation once the order is settled (paid, or another way chosen)
     * @param connectionFailed told when the server cannot be reached at all (the kiosk goes out of service)
     */
    PaymentViewModel(
            Supplier<KioskApi> server,
            Calls calls,
            Supplier<Instant> clock,
            Supplier<Texts> texts,
            Consumer<String> done,
            Consumer<RuntimeException> connectionFailed) {
        this.server = server;
        this.calls = calls;
        this.clock = clock;
        this.texts = texts;
        this.done = done;
        this.connectionFailed = connectionFailed;
    }

    /** Shows the amount and hands the order or deposit to the reader. */
    void start(Payable placed, Language language) {
        order = placed;
        amount.set(ConfirmationCard.money(placed.amount(), language));
        roomAllowed.set(placed.roomNumber() != null);
        collect();
    }

    /** After a decline, a timeout or an unreachable reader: the reader asks for a card again. */
    void retry() {
        if (order != null && step.get() != Step.STARTING && step.get() != Step.WAITING) {
            collect();
        }
    }

    /** The guest stops the reader (no card with them, or they want to pay another way). */
    void stop() {
        Payable stopping = order;
        if (stopping == null || step.get() != Step.WAITING) {
            return;
        }
        int forAttempt = attempt;
        step.set(Step.STARTING);
        calls.call(
                () -> stopping.cancel(server.get()),
                stopped -> {
                    if (forAttempt == attempt) {
                        followed(stopped, Step.STOPPED);
                    }
                },
                failure -> failed(forAttempt, failure));
    }

    /** Pays at the desk instead. */
    void payAtDesk() {
        payOtherwise("desk");
    }

    /** Charges the order to the guest's room instead. */
    void chargeToRoom() {
        payOtherwise("room");
    }

    /** Called with the kiosk's ticks: follows the reader, and stops it when no card came in time. */
    void tick(Instant now) {
        Payable waitingFor = order;
        Instant since = waitingSince;
        if (waitingFor == null || since == null || step.get() != Step.WAITING || polling) {
            return;
        }
        if (!now.isBefore(since.plus(READER_TIMEOUT))) {
            stop();
            return;
        }
        if (lastPoll != null && now.isBefore(lastPoll.plus(POLL))) {
            return;
        }
        lastPoll = now;
        polling = true;
        int forAttempt = attempt;
        calls.call(
                () -> waitingFor.read(server.get()),
                read -> {
                    polling = false;
                    if (forAttempt == attempt) {
                        followed(read, Step.WAITING);
                    }
                },
                failure -> {
                    polling = false;
                    if (forAttempt == attempt && Calls.unreachable(failure)) {
                        // the next tick asks again; the reader keeps the card it may be taking meanwhile
                        return;
                    }
                    failed(forAttempt, failure);
                });
    }

    /** The guest left: the reader stops waiting for their card and nothing of the payment stays on screen. */
    void clear() {
        Payable leaving = order;
        boolean readerWaiting = busy();
        reset();
        if (leaving != null && readerWaiting) {
            calls.call(() -> leaving.cancel(server.get()), stopped -> {}, failure -> {
                // the reader's own timeout ends it; the desk sees the order unpaid either way
            });
        }
    }

    private void reset() {
        attempt++;
        order = null;
        waitingSince = null;
        lastPoll = null;
        polling = false;
        amount.set("");
        roomAllowed.set(false);
        step.set(Step.NONE);
    }

    /** Whether the guest is busy at the reader (the idle countdown waits meanwhile). */
    boolean busy() {
        return step.get() == Step.STARTING || step.get() == Step.WAITING;
    }

    private void collect() {
        Payable paying = order;
        if (paying == null) {
            return;
        }
        int forAttempt = ++attempt;
        step.set(Step.STARTING);
        calls.call(
                () -> paying.collect(server.get()),
                collecting -> {
                    if (forAttempt == attempt) {
                        followed(collecting, Step.WAITING);
                    }
                },
                failure -> failed(forAttempt, failure));
    }

    private void payOtherwise(String method) {
        Payable paying = order;
        if (paying == null || busy()) {
            return;
        }
        int forAttempt = ++attempt;
        step.set(Step.STARTING);
        calls.call(
                () -> paying.payOtherwise(server.get(), method),
                changed -> {
                    if (forAttempt == attempt) {
                        settled(
                                method.equals("room")
                                        ? "payment.done.room"
                                        : paying.deposit() ? "payment.done.deposit.desk" : "payment.done.desk",
                                changed);
                    }
                },
                failure -> {
                    if (forAttempt != attempt) {
                        return;
                    }
                    if (failure instanceof ApiException refused && refused.status() < 500 && refused.status() != 401) {
                        step.set(Step.REFUSED);
                    } else {
                        failed(forAttempt, failure);
                    }
                });
    }

    /**
     * What the server says of the payment now. {@code next} is the step while the reader still waits
     * ({@link Step#WAITING}), or after the guest stopped it ({@link Step#STOPPED}).
     */
    private void followed(Payable now, Step next) {
        order = now;
        switch (now.status()) {
            case "paid" -> settled(now.deposit() ? "payment.done.deposit" : "payment.done.paid", now);
            case "failed" -> step.set(Step.DECLINED);
            case "pending" -> {
                if (next == Step.WAITING && step.get() != Step.WAITING) {
                    waitingSince = clock.get();
                    lastPoll = null;
                }
                step.set(next);
            }
            default -> step.set(Step.STOPPED);
        }
    }

    private void settled(String key, Payable now) {
        String line = texts.get().get(key, amount.get(), now.roomNumber() == null ? "" : now.roomNumber());
        reset();
        done.accept(line);
    }

    private void failed(int forAttempt, RuntimeException failure) {
        if (forAttempt != attempt) {
            return;
        }
        if (Calls.unreachable(failure) || Calls.unpaired(failure)) {
            reset();
            connectionFailed.accept(failure);
        } else {
            step.set(Step.UNAVAILABLE);
        }
    }

    ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    Step getStep() {
        return step.get();
    }

    ReadOnlyStringProperty amountProperty() {
        return amount.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty roomAllowedProperty() {
        return roomAllowed.getReadOnlyProperty();
    }
}
