package dev.concierge.booking;

import static dev.concierge.jooq.Tables.BOOKING;
import static dev.concierge.jooq.Tables.BOOKING_CHANGE;
import static dev.concierge.jooq.Tables.STAFF_ACCOUNT;

import dev.concierge.api.BookingChange;
import dev.concierge.api.BookingView;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.Money;
import dev.concierge.jooq.tables.records.BookingRecord;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** Reads bookings for the desk: the filtered list, one booking, and its history. */
final class BookingRepository {
    /** The most a list answers at once; the console narrows with the filters. */
    static final int LIST_LIMIT = 500;

    private final DSLContext dsl;

    BookingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Bookings starting in {@code [from, to]} (venue-local days), optionally of one service or status, or matching q. */
    List<BookingView> list(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String serviceId,
            @Nullable String status,
            @Nullable String q,
            ZoneId zone) {
        Condition where = DSL.trueCondition();
        if (from != null) {
            where = where.and(BOOKING.START_AT.ge(from.atStartOfDay(zone).toOffsetDateTime()));
        }
        if (to != null) {
            where = where.and(
                    BOOKING.START_AT.lt(to.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        }
        if (serviceId != null) {
            where = where.and(BOOKING.SERVICE_ID.eq(serviceId).or(BOOKING.ROOM_TYPE_ID.eq(serviceId)));
        }
        if (status != null) {
            where = where.and(BOOKING.STATUS.eq(status));
        }
        if (q != null && !q.isBlank()) {
            String like =
                    "%" + q.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
            where = where.and(DSL.lower(BOOKING.REFERENCE)
                    .like(like)
                    .or(DSL.lower(BOOKING.CONTACT_NAME).like(like))
                    .or(DSL.lower(BOOKING.CONTACT_EMAIL).like(like))
                    .or(DSL.replace(BOOKING.CONTACT_PHONE, " ", "").like(like.replace(" ", ""))));
        }
        return dsl.selectFrom(BOOKING)
                .where(where)
                .orderBy(BOOKING.START_AT, BOOKING.ID)
                .limit(LIST_LIMIT)
                .fetch(record -> view(record, zone));
    }

    Optional<BookingRecord> find(DSLContext db, long id, boolean lock) {
        var query = db.selectFrom(BOOKING).where(BOOKING.ID.eq(id));
        return Optional.ofNullable(lock ? query.forUpdate().fetchOne() : query.fetchOne());
    }

    List<BookingChange> history(long id) {
        return dsl.select(
                        BOOKING_CHANGE.WHAT,
                        BOOKING_CHANGE.CHANNEL,
                        STAFF_ACCOUNT.NAME,
                        BOOKING_CHANGE.CHANGED_AT,
                        BOOKING_CHANGE.DETAIL)
                .from(BOOKING_CHANGE)
                .leftJoin(STAFF_ACCOUNT)
                .on(STAFF_ACCOUNT.ID.eq(BOOKING_CHANGE.STAFF_ID))
                .where(BOOKING_CHANGE.BOOKING_ID.eq(id))
                .orderBy(BOOKING_CHANGE.ID)
                .fetch(r -> new BookingChange(
                        r.value1(), r.value2(), r.value3(), r.value4().toInstant(), r.value5()));
    }

    static BookingView view(BookingRecord booking, ZoneId zone) {
        return new BookingView(
                booking.getId(),
                booking.getReference(),
                booking.getKind(),
                booking.getServiceId(),
                booking.getRoomTypeId(),
                booking.getStartAt().atZoneSameInstant(zone).toOffsetDateTime(),
                booking.getEndAt().atZoneSameInstant(zone).toOffsetDateTime(),
                booking.getPartySize(),
                booking.getStatus(),
                new ContactDetails(booking.getContactName(), booking.getContactEmail(), booking.getContactPhone()),
                booking.getNotes(),
                booking.getSource(),
                booking.getCreatedAt().withOffsetSameInstant(ZoneOffset.UTC).toInstant(),
                booking.getRoomNumber(),
                booking.getContactId(),
                deposit(booking));
    }

    private static BookingView.@Nullable Deposit deposit(BookingRecord booking) {
        Long amount = booking.getDepositAmount();
        if (amount == null) {
            return null;
        }
        return new BookingView.Deposit(
                new Money(amount, booking.getDepositCurrency()),
                booking.getDepositStatus(),
                null,
                booking.getStatus().equals("pending") && booking.getDepositDueAt() != null
                        ? booking.getDepositDueAt().toInstant()
                        : null);
    }
}
