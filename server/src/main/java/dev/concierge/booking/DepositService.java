package dev.concierge.booking;

import static dev.concierge.jooq.Tables.BOOKING;
import static dev.concierge.jooq.Tables.PAYMENT_EVENT;

import dev.concierge.api.BookingView;
import dev.concierge.common.DomainException;
import dev.concierge.jooq.tables.records.BookingRecord;
import dev.concierge.payment.CardPayments;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
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
        if (paymentId == null) {
            return booking.getStatus().equals("pending") ? bookings.startDeposit(view) : view;
        }
        try {
            return bookings.recordDeposit(id, cards.read(paymentId));
        } catch (CardPayments.Unavailable e) {
            log.warn("The deposit of booking {} could not be read: {}", booking.getReference(), e.getMessage());
            return view;
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
