package dev.concierge.api;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/health}: {@code status} is "ok" or "down"; integrations map a name to its state
 * ({@code not_configured}, {@code configured}, {@code ok}, {@code retrying}, {@code failing}; the assistant says which
 * engine answers), and the outbox says how far behind the outside world is. {@code lastBackupAt} is when the newest
 * backup in the data directory was made (absent before the first, and on PostgreSQL, which has its own backups);
 * {@code dataDiskFreeBytes} is the space left where the data directory is; {@code clock} is the server's time and
 * whether it looks wrong (absent from servers before it was added).
 */
public record Health(
        String status,
        String version,
        String database,
        Map<String, String> integrations,
        Outbox outbox,
        @Nullable Instant lastBackupAt,
        @Nullable Long dataDiskFreeBytes,
        @Nullable ClockCheck clock) {

    /** As servers answered before the clock check. */
    public Health(
            String status,
            String version,
            String database,
            Map<String, String> integrations,
            Outbox outbox,
            @Nullable Instant lastBackupAt,
            @Nullable Long dataDiskFreeBytes) {
        this(status, version, database, integrations, outbox, lastBackupAt, dataDiskFreeBytes, null);
    }

    /**
     * The server's clock against the newest time the database holds: a clock behind a stored record by more than a
     * few minutes was set back (or records were stored under a clock that ran ahead).
     *
     * @param now the server's time
     * @param frozen the clock is frozen by {@code CONCIERGE_NOW} (demos, tests): not checked
     * @param newestRecordAt the newest creation time in the database; absent when frozen or nothing is stored
     * @param behindSeconds how far the clock is behind that record, 0 when it is not; absent when not checked
     * @param warning what staff should do about it, in plain words; absent when the clock looks right
     */
    public record ClockCheck(
            Instant now,
            boolean frozen,
            @Nullable Instant newestRecordAt,
            @Nullable Long behindSeconds,
            @Nullable String warning) {}

    /**
     * @param pending deliveries to outside services not made yet
     * @param dead deliveries that failed for good and wait for staff
     * @param oldestPendingSeconds how long the oldest pending delivery has waited; absent when none waits
     */
    public record Outbox(int pending, int dead, @Nullable Long oldestPendingSeconds) {
        public static final Outbox EMPTY = new Outbox(0, 0, null);
    }
}
