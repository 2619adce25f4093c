package dev.concierge.outbox;

import static dev.concierge.jooq.Tables.OUTBOX;
import static dev.concierge.jooq.Tables.OUTBOX_DELIVERY;

import dev.concierge.api.Health;
import dev.concierge.api.SyncStatus;
import dev.concierge.common.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;

/** What staff and monitors see of the outbox (the console's sync screen, {@code /api/health}), and a retry. */
public final class SyncService {
    private final DSLContext dsl;
    private final OutboxRepository outbox;
    private final List<String> configured;
    private final Runnable nudge;
    private final Clock wallClock;

    /**
     * @param configured the names of the configured connectors, in the order staff see them
     * @param nudge tells the worker something became due
     */
    public SyncService(
            DSLContext dsl, OutboxRepository outbox, List<String> configured, Runnable nudge, Clock wallClock) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.configured = List.copyOf(configured);
        this.nudge = nudge;
        this.wallClock = wallClock;
    }

    /**
     * Every connector's state and the newest {@code limit} deliveries, optionally only those in {@code status}
     * ({@code pending}, {@code delivered}, {@code dead}) or to {@code connector}.
     */
    public SyncStatus status(@Nullable String status, @Nullable String connector, int limit) {
        Instant now = wallClock.instant();
        List<SyncStatus.Delivery> deliveries = new ArrayList<>();
        for (Record row : outbox.deliveries(dsl, status, connector, limit)) {
            OffsetDateTime lease = row.get(OUTBOX_DELIVERY.LEASE_UNTIL);
            String stored = row.get(OUTBOX_DELIVERY.STATUS);
            boolean delivering = stored.equals(OutboxRepository.PENDING)
                    && lease != null
                    && lease.toInstant().isAfter(now);
            deliveries.add(new SyncStatus.Delivery(
                    row.get(OUTBOX_DELIVERY.ID),
                    row.get(OUTBOX_DELIVERY.CONNECTOR),
                    row.get(OUTBOX.EVENT_TYPE),
                    row.get(OUTBOX.AGGREGATE_ID),
                    delivering ? "delivering" : stored,
                    row.get(OUTBOX_DELIVERY.ATTEMPTS),
                    stored.equals(OutboxRepository.PENDING)
                            ? row.get(OUTBOX_DELIVERY.NEXT_ATTEMPT_AT).toInstant()
                            : null,
                    stored.equals(OutboxRepository.DELIVERED) ? null : row.get(OUTBOX_DELIVERY.LAST_ERROR),
                    row.get(OUTBOX.CREATED_AT).toInstant(),
                    instant(row.get(OUTBOX_DELIVERY.DELIVERED_AT))));
        }
        return new SyncStatus(connectors(), deliveries);
    }

    /** Tries delivery {@code id} again now (a dead one, a waiting one, or a delivered one sent once more). */
    public void retry(long id) {
        if (!outbox.retryNow(dsl, id)) {
            throw DomainException.notFound("delivery_not_found", "There is no delivery " + id + ".");
        }
        nudge.run();
    }

    /** Each connector's one-word state, for {@code /api/health}: configured ones first, in their order. */
    public Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        connectors().forEach(c -> states.put(c.name(), c.state()));
        return states;
    }

    /** How far behind the outside world is, for {@code /api/health} and {@code /metrics}. */
    public Health.Outbox totals() {
        int pending = 0;
        int dead = 0;
        Instant oldest = null;
        for (SyncStatus.Connector connector : connectors()) {
            pending += connector.pending();
            dead += connector.dead();
            Instant at = connector.oldestPendingAt();
            if (at != null && (oldest == null || at.isBefore(oldest))) {
                oldest = at;
            }
        }
        Long age = oldest == null
                ? null
                : Math.max(0, Duration.between(oldest, wallClock.instant()).toSeconds());
        return new Health.Outbox(pending, dead, age);
    }

    private List<SyncStatus.Connector> connectors() {
        Map<String, Backlog> backlogs = new LinkedHashMap<>();
        for (Record row : outbox.undeliveredTotals(dsl)) {
            Backlog backlog = backlogs.computeIfAbsent(row.get(OUTBOX_DELIVERY.CONNECTOR), name -> new Backlog());
            int count = row.get("deliveries", Integer.class);
            if (row.get(OUTBOX_DELIVERY.STATUS).equals(OutboxRepository.DEAD)) {
                backlog.dead = count;
            } else {
                backlog.pending = count;
                backlog.failing = row.get("failed_before", Integer.class);
                backlog.oldest = instant(row.get("oldest", OffsetDateTime.class));
            }
        }
        List<String> names = new ArrayList<>(configured);
        for (String name : backlogs.keySet()) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        List<SyncStatus.Connector> connectors = new ArrayList<>();
        for (String name : names) {
            Backlog backlog = backlogs.getOrDefault(name, new Backlog());
            Instant lastDelivered = outbox.lastDelivered(dsl, name)
                    .map(OffsetDateTime::toInstant)
                    .orElse(null);
            String state;
            if (!configured.contains(name)) {
                state = "not_configured";
            } else if (backlog.dead > 0) {
                state = "failing";
            } else if (backlog.failing > 0) {
                state = "retrying";
            } else if (lastDelivered != null) {
                state = "ok";
            } else {
                state = "configured";
            }
            connectors.add(new SyncStatus.Connector(
                    name,
                    state,
                    backlog.pending,
                    backlog.dead,
                    backlog.oldest,
                    lastDelivered,
                    backlog.failing > 0 || backlog.dead > 0 ? outbox.lastError(dsl, name) : null));
        }
        return connectors;
    }

    /** One connector's deliveries not made yet. */
    private static final class Backlog {
        int pending;
        int dead;
        int failing;

        @Nullable
        Instant oldest;
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
