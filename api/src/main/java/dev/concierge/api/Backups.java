package dev.concierge.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/staff/backups}: the backups kept in the data directory's {@code backups/}, newest first, and when
 * the last one was made (absent before the first).
 */
public record Backups(List<Backup> backups, @Nullable Instant lastBackupAt) {
    public Backups {
        backups = List.copyOf(backups);
    }

    /**
     * One backup file.
     *
     * @param kind {@code nightly}, {@code manual} (started by staff) or {@code pre-upgrade} (taken before a newer
     *     version migrated the database)
     * @param schemaVersion the database schema it holds, as its migrations number it
     */
    public record Backup(
            String name,
            String kind,
            Instant createdAt,
            long sizeBytes,
            @Nullable String schemaVersion) {}
}
