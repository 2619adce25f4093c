package dev.concierge.operations;

import static dev.concierge.jooq.Tables.BOOKING;
import static dev.concierge.jooq.Tables.BOOKING_CHANGE;
import static dev.concierge.jooq.Tables.MESSAGE;
import static dev.concierge.jooq.Tables.ORDERS;
import static dev.concierge.jooq.Tables.OUTBOX;
import static dev.concierge.jooq.Tables.STAFF_SESSION;

import dev.concierge.api.Health;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a system clock set back: at start and then every minute, the clock is compared with the newest creation
 * time the database holds (messages, bookings and their changes, orders, outbox events, staff sign-ins). A clock more
 * than {@link #TOLERANCE} behind it makes deposits expire late, nightly backups skip and reports misdate the day, so
 * {@code /api/health} says so and the log warns once.
 *
 * <p>A clock frozen by {@code CONCIERGE_NOW} is not checked: a demo frozen in March on a directory used in December
 * would only ever warn about itself.
 */
public final class ClockCheckService {
    /** Differences smaller than this are ordinary (two machines on one PostgreSQL, a clock corrected by NTP). */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(ClockCheckService.class);

    private final DSLContext dsl;
    private final Clock clock;
    private final boolean frozen;
    private volatile @Nullable Instant newestRecordAt;
    private volatile boolean warned;

    /** @param frozen the clock is frozen by {@code CONCIERGE_NOW}: nothing is checked */
    public ClockCheckService(DSLContext dsl, Clock clock, boolean frozen) {
        this.dsl = dsl;
        this.clock = clock;
        this.frozen = frozen;
    }

    /** Reads the newest stored time again (at start, then each minute) and warns once when the clock turns wrong. */
    public void check() {
        if (frozen) {
            return;
        }
        newestRecordAt = newestRecord().orElse(null);
        Health.ClockCheck now = current();
        if (now.warning() != null && !warned) {
            log.warn(
                    "The system clock is {} s behind the newest record in the database ({}); check the time",
                    now.behindSeconds(),
                    now.newestRecordAt());
        }
        warned = now.warning() != null;
    }

    /** The clock as {@code /api/health} shows it: now, against the newest record the last check read. */
    public Health.ClockCheck current() {
        return assess(clock.instant(), Optional.ofNullable(newestRecordAt), frozen);
    }

    /** The verdict on a clock reading {@code now} when the newest stored record was made at {@code newest}. */
    static Health.ClockCheck assess(Instant now, Optional<Instant> newest, boolean frozen) {
        Instant shown = now.truncatedTo(ChronoUnit.SECONDS);
        if (frozen) {
            return new Health.ClockCheck(shown, true, null, null, null);
        }
        if (newest.isEmpty()) {
            return new Health.ClockCheck(shown, false, null, 0L, null);
        }
        Duration behind = Duration.between(now, newest.get());
        long behindSeconds = Math.max(0, behind.toSeconds());
        String warning = behind.compareTo(TOLERANCE) > 0
                ? "The system clock is " + readable(behind) + " behind the newest record in the database ("
                        + newest.get().truncatedTo(ChronoUnit.SECONDS)
                        + "): it was probably set back. Set the appliance's date and time (or turn on network"
                        + " time); deposits, nightly backups and reports follow this clock."
                : null;
        return new Health.ClockCheck(shown, false, newest.get(), behindSeconds, warning);
    }

    private static String readable(Duration behind) {
        if (behind.toDays() >= 2) {
            return behind.toDays() + " days";
        }
        if (behind.toHours() >= 2) {
            return behind.toHours() + " hours";
        }
        return behind.toMinutes() + " minutes";
    }

    private Optional<Instant> newestRecord() {
        List<TableField<?, OffsetDateTime>> columns = List.of(
                MESSAGE.CREATED_AT,
                BOOKING.CREATED_AT,
                BOOKING_CHANGE.CHANGED_AT,
                ORDERS.CREATED_AT,
                OUTBOX.CREATED_AT,
                STAFF_SESSION.CREATED_AT);
        Instant newest = null;
        for (TableField<?, OffsetDateTime> column : columns) {
            OffsetDateTime at =
                    dsl.select(DSL.max(column)).from(column.getTable()).fetchOne(0, OffsetDateTime.class);
            if (at != null && (newest == null || at.toInstant().isAfter(newest))) {
                newest = at.toInstant();
            }
        }
        return Optional.ofNullable(newest);
    }
}
