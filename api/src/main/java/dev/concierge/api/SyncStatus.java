package dev.concierge.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/staff/sync}: how each outside service is keeping up, and the deliveries asked for (newest first).
 *
 * @param connectors every configured connector, and any other that still has deliveries
 * @param deliveries at most the {@code limit} asked for
 */
public record SyncStatus(List<Connector> connectors, List<Delivery> deliveries) {

    /**
     * One outside service.
     *
     * @param state {@code ok}; {@code retrying} (some deliveries failed and will be tried again); {@code failing}
     *     (some are dead: staff must look); {@code not_configured} (deliveries left from when it was)
     * @param pending deliveries not made yet, including those being tried again
     * @param dead deliveries that failed for good and wait for staff
     */
    public record Connector(
            String name,
            String state,
            int pending,
            int dead,
            @Nullable Instant oldestPendingAt,
            @Nullable Instant lastDeliveredAt,
            @Nullable String lastError) {}

    /**
     * One event's delivery to one service.
     *
     * @param status {@code pending}, {@code delivering} (an attempt under way), {@code delivered} or {@code dead}
     * @param lastError why the last attempt failed, for staff; absent once delivered
     * @param occurredAt when the change happened, on the venue's clock
     */
    public record Delivery(
            long id,
            String connector,
            String eventType,
            String aggregateId,
            String status,
            int attempts,
            @Nullable Instant nextAttemptAt,
            @Nullable String lastError,
            Instant occurredAt,
            @Nullable Instant deliveredAt) {}
}
