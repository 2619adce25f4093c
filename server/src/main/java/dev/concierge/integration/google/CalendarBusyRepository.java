package dev.concierge.integration.google;

import static dev.concierge.jooq.Tables.CALENDAR_BUSY;
import static dev.concierge.jooq.Tables.CALENDAR_SYNC;

import dev.concierge.booking.BusyTimes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/** The busy times pulled from a calendar, and where its incremental sync stands. */
final class CalendarBusyRepository {
    private final DSLContext dsl;

    CalendarBusyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<String> syncToken(String calendarId) {
        return dsl.select(CALENDAR_SYNC.SYNC_TOKEN)
                .from(CALENDAR_SYNC)
                .where(CALENDAR_SYNC.CALENDAR_ID.eq(calendarId))
                .fetchOptional(CALENDAR_SYNC.SYNC_TOKEN);
    }

    /** One event's state as the sync saw it: busy from start to end, or (start null) not busy any more. */
    record Change(
            String eventId,
            @Nullable String serviceId,
            @Nullable Instant start,
            @Nullable Instant end) {}

    /**
     * Applies a sync's changes and its next token in one transaction; a full sync ({@code full}) first forgets
     * everything known of the calendar.
     */
    void apply(String calendarId, boolean full, List<Change> changes, String nextSyncToken, Instant now) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            if (full) {
                db.deleteFrom(CALENDAR_BUSY)
                        .where(CALENDAR_BUSY.CALENDAR_ID.eq(calendarId))
                        .execute();
            }
            for (Change change : changes) {
                db.deleteFrom(CALENDAR_BUSY)
                        .where(CALENDAR_BUSY.CALENDAR_ID.eq(calendarId))
                        .and(CALENDAR_BUSY.EVENT_ID.eq(change.eventId()))
                        .execute();
                Instant start = change.start();
                Instant end = change.end();
                if (start != null && end != null && end.isAfter(start)) {
                    db.insertInto(CALENDAR_BUSY)
                            .set(CALENDAR_BUSY.CALENDAR_ID, calendarId)
                            .set(CALENDAR_BUSY.EVENT_ID, change.eventId())
                            .set(CALENDAR_BUSY.SERVICE_ID, change.serviceId())
                            .set(CALENDAR_BUSY.START_AT, utc(start))
                            .set(CALENDAR_BUSY.END_AT, utc(end))
                            .execute();
                }
            }
            int updated = db.update(CALENDAR_SYNC)
                    .set(CALENDAR_SYNC.SYNC_TOKEN, nextSyncToken)
                    .set(CALENDAR_SYNC.SYNCED_AT, utc(now))
                    .where(CALENDAR_SYNC.CALENDAR_ID.eq(calendarId))
                    .execute();
            if (updated == 0) {
                db.insertInto(CALENDAR_SYNC)
                        .set(CALENDAR_SYNC.CALENDAR_ID, calendarId)
                        .set(CALENDAR_SYNC.SYNC_TOKEN, nextSyncToken)
                        .set(CALENDAR_SYNC.SYNCED_AT, utc(now))
                        .execute();
            }
        });
    }

    List<BusyTimes.Period> overlapping(String calendarId, String serviceId, Instant from, Instant to) {
        return dsl.select(CALENDAR_BUSY.START_AT, CALENDAR_BUSY.END_AT)
                .from(CALENDAR_BUSY)
                .where(CALENDAR_BUSY.CALENDAR_ID.eq(calendarId))
                .and(CALENDAR_BUSY.SERVICE_ID.isNull().or(CALENDAR_BUSY.SERVICE_ID.eq(serviceId)))
                .and(CALENDAR_BUSY.START_AT.lt(utc(to)))
                .and(CALENDAR_BUSY.END_AT.gt(utc(from)))
                .fetch(r ->
                        new BusyTimes.Period(r.value1().toInstant(), r.value2().toInstant()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
