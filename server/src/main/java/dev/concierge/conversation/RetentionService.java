package dev.concierge.conversation;

import static dev.concierge.jooq.Tables.CONVERSATION;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.IntSupplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes conversations that have been quiet for longer than the venue keeps them (a setting, default 30 days),
 * with their messages. The server runs it once a day.
 */
public final class RetentionService {
    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final DSLContext dsl;
    private final Clock clock;
    private final IntSupplier retentionDays;

    public RetentionService(DSLContext dsl, Clock clock, IntSupplier retentionDays) {
        this.dsl = dsl;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    /** Deletes what is older than the retention; answers how many conversations went. */
    public int purge() {
        int days = retentionDays.getAsInt();
        OffsetDateTime cutoff =
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(Duration.ofDays(days));
        // messages go with their conversation (on delete cascade)
        int purged = dsl.deleteFrom(CONVERSATION)
                .where(CONVERSATION.LAST_MESSAGE_AT.lt(cutoff))
                .execute();
        if (purged > 0) {
            log.info("Deleted {} conversations quiet for more than {} days", purged, days);
        }
        return purged;
    }
}
