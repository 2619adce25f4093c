package dev.concierge.booking;

import static dev.concierge.jooq.Tables.BOOKING;
import static dev.concierge.jooq.Tables.PAYMENT_EVENT;

import dev.concierge.api.BookingView;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.common.Channel;
import dev.concierge.common.DomainException;
import dev.concierge.common.Failure;
import dev.concierge.jooq.tables.records.BookingRecord;
import dev.concierge.payment.CardPayments;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deposits of bookings made on the venue's booking page ({@link BookingService#bookWithDeposit}): read again on
 * the page's confirm, told by the provider's webhooks, and released when unpaid past their hold.
 */
public final class DepositService {
    private static final Logger log = LoggerFactory.getLogger(DepositService.class);

    private final DSLContext dsl;
    private final BookingService bookings;
    private final CardPayments cards;
    private final Clock clock;
    private final BookingRepository repository;

    public DepositService(DSLContext dsl, BookingService bookings, CardPayments cards, Clock clock) {
        this.dsl = dsl;
        this.bookings = bookings;
        this.cards = cards;
        this.clock = clock;
        this.repository = new BookingRepository(dsl);
    }

    /**
     * {@code POST /api/reservations/confirm}: reads the deposit again from the provider (starting it when that failed
     * before) and answers the booking; without a deposit, a provider, or when it cannot be reached, as stored.
     */
    public BookingView confirm(long id) {
        BookingRecord booking = repository.find(dsl, id, false).orElseThrow(() -> notFound(id));
        BookingView view = BookingRepository.view(booking, bookings.zone());
        if (booking.getDepositAmount() == null || !cards.available()) {
            return view;
        }
        String paymentId = booking.getDepositIntentId();
        String reader = booking.getDepositReaderId();
        if (paymentId == null) {
            // a kiosk's booking waits for its reader; a booking page's starts its online payment
            return booking.getStatus().equals("pending")
                            && reader == null
                            && !booking.getSource().equals("kiosk")
                    ? bookings.startDeposit(view)
                    : view;
        }
        try {
            return bookings.recordDeposit(
                    id,
                    reader != null && "pending".equals(booking.getDepositStatus())
                            ? cards.readAtReader(paymentId, reader)
                            : cards.read(paymentId));
        } catch (CardPayments.Unavailable e) {
            log.warn("The deposit of booking {} could not be read: {}", booking.getReference(), e.getMessage());
            return view;
        }
    }

    /**
     * Hands a kiosk booking's deposit to a card reader: the kiosk's own ({@code kioskReader}) or the venue's. For a
     * pending booking whose deposit is unpaid or whose last try failed; follow it with {@link #confirm}. 409 while a
     * try is under way, once paid, or when the booking is no longer held; 503 without Stripe or a reader; 502 when
     * the reader or Stripe cannot be reached (the deposit stays unpaid, the place held).
     */
    public BookingView collectAtReader(long id, @Nullable String kioskReader) {
        String reader = cards.readerFor(kioskReader);
        BookingRecord attempt = dsl.transactionResult(tx -> {
            BookingRecord booking = repository.find(tx.dsl(), id, true).orElseThrow(() -> notFound(id));
            checkDepositOpen(booking);
            booking.setDepositReaderAttempt(booking.getDepositReaderAttempt() + 1)
                    .setDepositReaderId(reader)
                    .store();
            return booking;
        });
        CardPayments.CardPayment payment;
        try {
            payment = cards.collectAtReader(
                    CardPayments.ReaderCharge.depositOf(attempt.getReference()),
                    Objects.requireNonNull(attempt.getDepositAmount()),
                    Objects.requireNonNull(attempt.getDepositCurrency()),
                    reader,
                    attempt.getDepositReaderAttempt());
        } catch (CardPayments.Unavailable e) {
            log.warn(
                    "The deposit of booking {} could not go to the card reader: {}",
                    attempt.getReference(),
                    e.getMessage());
            throw new DomainException(
                    Failure.UPSTREAM,
                    "card_reader_unavailable",
                    "The card reader could not be reached. Try again, or pay the deposit at the desk.");
        }
        return bookings.recordDeposit(id, payment);
    }

    /**
     * Stops the card reader waiting for this deposit: unpaid again (the place still held until its hold runs out),
     * or paid when the card went through just before.
     */
    public BookingView cancelAtReader(long id) {
        BookingRecord booking = repository.find(dsl, id, false).orElseThrow(() -> notFound(id));
        String reader = booking.getDepositReaderId();
        String paymentId = booking.getDepositIntentId();
        if (reader == null || paymentId == null || !"pending".equals(booking.getDepositStatus())) {
            return BookingRepository.view(booking, bookings.zone());
        }
        try {
            cards.cancelAtReader(
                    reader,
                    CardPayments.ReaderCharge.depositOf(booking.getReference()),
                    booking.getDepositReaderAttempt());
        } catch (CardPayments.Unavailable e) {
            // the reader may have finished the payment: what it did is read below either way
            log.info("The card reader of booking {} was not cancelled: {}", booking.getReference(), e.getMessage());
        }
        CardPayments.CardPayment payment;
        try {
            payment = cards.readAtReader(paymentId, reader);
        } catch (CardPayments.Unavailable e) {
            throw new DomainException(
                    Failure.UPSTREAM,
                    "card_reader_unavailable",
                    "The card reader could not be reached; it may still take a card. Try again in a moment.");
        }
        return bookings.recordDeposit(
                id,
                payment.status().equals("paid") ? payment : new CardPayments.CardPayment(paymentId, "unpaid", null));
    }

    /**
     * The guest at a kiosk gives up on the card reader and pays the deposit at the desk: the booking stays held
     * until its hold runs out and the desk confirms it when paid. Only {@code desk} (a deposit is not charged to a
     * room); 409 while the reader waits for a card, once paid, or when no longer held.
     */
    public BookingView payOtherwise(long id, String method, Channel channel, @Nullable Long staffId) {
        if (!method.equals("desk")) {
            throw InvalidFieldsException.of("method", "is desk (a deposit is paid at the reader or at the desk)");
        }
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            BookingRecord booking = repository.find(db, id, true).orElseThrow(() -> notFound(id));
            checkDepositOpen(booking);
            BookingService.recordChange(db, id, "deposit", staffId, channel, now(), "card reader → desk");
            return BookingRepository.view(booking, bookings.zone());
        });
    }

    private static void checkDepositOpen(BookingRecord booking) {
        if (booking.getDepositAmount() == null) {
            throw DomainException.notAllowed(
                    "no_deposit", "Booking " + booking.getReference() + " has no deposit to pay.");
        }
        switch (Objects.requireNonNull(booking.getDepositStatus())) {
            case "pending" ->
                throw DomainException.conflict(
                        "payment_in_progress",
                        "The card reader is already waiting for a card for this deposit; cancel that first.");
            case "paid", "refunded" ->
                throw DomainException.conflict(
                        "already_paid", "The deposit of booking " + booking.getReference() + " is paid already.");
            default -> {}
        }
        if (!booking.getStatus().equals("pending")) {
            throw DomainException.conflict(
                    "booking_not_held",
                    "Booking " + booking.getReference() + " is " + booking.getStatus() + ": its deposit is not due.");
        }
    }

    /** Whether {@code paymentId} is the deposit of a booking here (else it may be an order's). */
    public boolean owns(String paymentId) {
        return dsl.fetchExists(BOOKING, BOOKING.DEPOSIT_INTENT_ID.eq(paymentId));
    }

    /**
     * What the provider told us by webhook about a deposit: {@code paid}, {@code failed}, {@code refunded}; each event
     * counts once however often it arrives, in the same transaction as its effect.
     *
     * @return whether it changed a booking
     */
    public boolean applyPaymentEvent(String eventId, String eventType, String paymentId, String status) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            int recorded = db.insertInto(PAYMENT_EVENT)
                    .set(PAYMENT_EVENT.ID, eventId)
                    .set(PAYMENT_EVENT.TYPE, eventType)
                    .set(PAYMENT_EVENT.RECEIVED_AT, now())
                    .onDuplicateKeyIgnore()
                    .execute();
            Long bookingId = db.select(BOOKING.ID)
                    .from(BOOKING)
                    .where(BOOKING.DEPOSIT_INTENT_ID.eq(paymentId))
                    .fetchOne(BOOKING.ID);
            if (recorded == 0 || bookingId == null) {
                return false;
            }
            String before = db.select(BOOKING.DEPOSIT_STATUS)
                    .from(BOOKING)
                    .where(BOOKING.ID.eq(bookingId))
                    .fetchOne(BOOKING.DEPOSIT_STATUS);
            BookingView after =
                    bookings.applyDeposit(db, bookingId, new CardPayments.CardPayment(paymentId, status, null));
            return after.deposit() != null && !after.deposit().status().equals(before);
        });
    }

    /**
     * Cancels the bookings whose deposit is still not paid when their hold has run out, and stops their payments at
     * the provider so the guest cannot pay for a place they no longer have. A deposit the provider says is paid
     * confirms its booking instead; when the provider cannot be asked, the booking waits for the next round.
     *
     * @return how many bookings were cancelled
     */
    public int releaseExpired() {
        List<BookingRecord> expired = dsl.selectFrom(BOOKING)
                .where(BOOKING.STATUS.eq("pending"))
                .and(BOOKING.DEPOSIT_STATUS.in("unpaid", "pending", "failed"))
                .and(BOOKING.DEPOSIT_DUE_AT.lt(now()))
                .orderBy(BOOKING.DEPOSIT_DUE_AT)
                .limit(500)
                .fetch();
        int cancelled = 0;
        for (BookingRecord booking : expired) {
            String paymentId = booking.getDepositIntentId();
            if (paymentId != null) {
                try {
                    CardPayments.CardPayment payment = cards.read(paymentId);
                    if (payment.status().equals("paid")) {
                        bookings.recordDeposit(booking.getId(), payment);
                        continue;
                    }
                    cards.cancel(paymentId);
                } catch (CardPayments.Unavailable e) {
                    log.info(
                            "Booking {} keeps its hold: its deposit could not be checked ({})",
                            booking.getReference(),
                            e.getMessage());
                    continue;
                }
            }
            // not when it moved meanwhile (the desk confirmed or cancelled it): theirs is the last word
            if (bookings.releaseHold(booking.getId())) {
                cancelled++;
                log.info("Booking {} cancelled: its deposit was not paid in time", booking.getReference());
            }
        }
        return cancelled;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("booking_not_found", "There is no booking " + id + ".");
    }
}
