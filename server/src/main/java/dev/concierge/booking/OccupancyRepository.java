package dev.concierge.booking;

import static dev.concierge.jooq.Tables.BOOKING;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * What existing bookings of a service take on and around a day: the query every availability check runs (the
 * assistant runs it several times for a booking step). Rendered once by jOOQ for the database's dialect, in its two
 * shapes (with and without a booking left out, the one being moved), and run through JDBC on the connection jOOQ gives
 * (the caller's transaction inside {@code dsl.transaction}); rendering it for every check was most of its cost.
 */
final class OccupancyRepository {
    /** The values {@link #on} binds, in order: the service, the holding statuses, the three times. */
    private static final int BINDS = 1 + BookingService.HOLDING.size() + 3;

    private final String onDay;
    private final String onDayExcluding;

    OccupancyRepository(DSLContext dsl) {
        this.onDay = rendered(query(dsl), BINDS);
        this.onDayExcluding = rendered(query(dsl).and(BOOKING.ID.ne(param(BOOKING.ID))), BINDS + 1);
    }

    private static String rendered(Query query, int binds) {
        if (query.getBindValues().size() != binds) {
            // jOOQ rendered another shape than the binding below expects: fail at start, not with wrong availability
            throw new IllegalStateException("the occupancy query binds " + query.getBindValues() + ": " + query);
        }
        return query.getSQL();
    }

    private static SelectConditionStep<?> query(DSLContext dsl) {
        return dsl.select(BOOKING.START_AT, BOOKING.BLOCKED_UNTIL, BOOKING.TAKEN)
                .from(BOOKING)
                .where(BOOKING.SERVICE_ID.eq(param(BOOKING.SERVICE_ID)))
                .and(BOOKING.STATUS.in(BookingService.HOLDING))
                .and(BOOKING.START_AT.lt(param(BOOKING.START_AT)))
                // a lower bound too, so the (service_id, start_at) index scans days, not the whole history
                .and(BOOKING.START_AT.ge(param(BOOKING.START_AT)))
                .and(BOOKING.BLOCKED_UNTIL.gt(param(BOOKING.BLOCKED_UNTIL)));
    }

    private static <T> Param<T> param(Field<T> field) {
        return DSL.param(field.getName(), field.getDataType());
    }

    /** The bookings of {@code serviceId} holding time on and around {@code day} (periods may cross midnight). */
    List<Occupancy> on(DSLContext db, String serviceId, LocalDate day, @Nullable Long excluding) {
        OffsetDateTime from = day.minusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = day.plusDays(3).atStartOfDay().atOffset(ZoneOffset.UTC);
        return db.connectionResult(connection -> {
            try (PreparedStatement select = connection.prepareStatement(excluding == null ? onDay : onDayExcluding)) {
                int i = 0;
                select.setString(++i, serviceId);
                for (String status : BookingService.HOLDING) {
                    select.setString(++i, status);
                }
                select.setObject(++i, to);
                select.setObject(++i, from.minusDays(2));
                select.setObject(++i, from);
                if (excluding != null) {
                    select.setLong(++i, excluding);
                }
                List<Occupancy> found = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(new Occupancy(
                                row.getObject(1, OffsetDateTime.class).toInstant(),
                                row.getObject(2, OffsetDateTime.class).toInstant(),
                                row.getInt(3)));
                    }
                }
                return found;
            }
        });
    }
}
