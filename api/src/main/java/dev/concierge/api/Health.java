package dev.concierge.api;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/health}: {@code status} is "ok" or "down"; integrations map a name to its state
 * ({@code not_configured}, {@code configured}, {@code ok}, {@code retrying}, {@code failing}; the assistant says which
 * engine answers), and the outbox says how far behind the outside world is. {@code lastBackupAt} is when the newest
 * backup in the data directory was made (absent before the first, and on PostgreSQL, which has its own backups);
 * {@code dataDiskFreeBytes} is the space left where the data directory is.
 */
public record Health(
        String status,
        String version,
        String database,
        Map<String, String> integrations,
        Outbox outbox,
        @Nullable Instant lastBackupAt,
        @Nullable Long dataDiskFreeBytes) {

    /**
     * @param pending deliveries to outside services not made yet
     * @param dead deliveries that failed for good and wait for staff
     * @param oldestPendingSeconds how long the oldest pending delivery has waited; absent when none waits
     */
    public record Outbox(int pending, int dead, @Nullable Long oldestPendingSeconds) {
        public static final Outbox EMPTY = new Outbox(0, 0, null);
    }
}
