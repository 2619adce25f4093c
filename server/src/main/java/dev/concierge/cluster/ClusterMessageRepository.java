package dev.concierge.cluster;

import static dev.concierge.jooq.Tables.CLUSTER_MESSAGE;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/** Messages between instances too long for a NOTIFY, kept in {@code cluster_message} until every instance read them. */
final class ClusterMessageRepository {
    private final DSLContext dsl;
    private final Clock wallClock;

    ClusterMessageRepository(DSLContext dsl, Clock wallClock) {
        this.dsl = dsl;
        this.wallClock = wallClock;
    }

    long store(String body) {
        return dsl.insertInto(CLUSTER_MESSAGE)
                .set(CLUSTER_MESSAGE.BODY, body)
                .set(CLUSTER_MESSAGE.CREATED_AT, OffsetDateTime.now(wallClock))
                .returningResult(CLUSTER_MESSAGE.ID)
                .fetchSingle()
                .value1();
    }

    @Nullable
    String read(long id) {
        return dsl.select(CLUSTER_MESSAGE.BODY)
                .from(CLUSTER_MESSAGE)
                .where(CLUSTER_MESSAGE.ID.eq(id))
                .fetchOne(CLUSTER_MESSAGE.BODY);
    }

    int deleteOlderThan(Duration age) {
        return dsl.deleteFrom(CLUSTER_MESSAGE)
                .where(CLUSTER_MESSAGE.CREATED_AT.lt(
                        OffsetDateTime.now(wallClock).minus(age)))
                .execute();
    }
}
