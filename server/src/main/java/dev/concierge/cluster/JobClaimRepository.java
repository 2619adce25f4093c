package dev.concierge.cluster;

import static dev.concierge.jooq.Tables.JOB_RUN;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/**
 * Which instance runs a scheduled job in a period (a day, a minute): every instance's scheduler asks, and the one
 * that moves the job's {@code job_run.period} forward, in a conditional update, runs it; the others skip that period.
 * A job that must not run twice at once on any database gets this for free, and on the embedded H2 (one instance)
 * every claim succeeds once per period.
 */
public final class JobClaimRepository {
    private final DSLContext dsl;
    private final String instance;
    private final Clock wallClock;

    public JobClaimRepository(DSLContext dsl, String instance, Clock wallClock) {
        this.dsl = dsl;
        this.instance = instance;
        this.wallClock = wallClock;
    }

    /**
     * True when this instance is the one to run {@code job} in {@code period}, an ISO date or date-time that sorts as
     * time goes ({@code 2026-12-03}, {@code 2026-12-03T14:05}); false when another instance (or this one) already did.
     */
    public boolean claim(String job, String period) {
        return dsl.transactionResult(tx -> {
            OffsetDateTime now = OffsetDateTime.now(wallClock);
            int moved = tx.dsl()
                    .update(JOB_RUN)
                    .set(JOB_RUN.PERIOD, period)
                    .set(JOB_RUN.INSTANCE, instance)
                    .set(JOB_RUN.RAN_AT, now)
                    .where(JOB_RUN.NAME.eq(job))
                    .and(JOB_RUN.PERIOD.lt(period))
                    .execute();
            if (moved == 1) {
                return true;
            }
            // the first run ever: the row is created by exactly one instance (the key), the others see it exist
            return tx.dsl()
                            .insertInto(JOB_RUN)
                            .set(JOB_RUN.NAME, job)
                            .set(JOB_RUN.PERIOD, period)
                            .set(JOB_RUN.INSTANCE, instance)
                            .set(JOB_RUN.RAN_AT, now)
                            .onConflictDoNothing()
                            .execute()
                    == 1;
        });
    }
}
