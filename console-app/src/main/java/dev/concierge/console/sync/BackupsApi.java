package dev.concierge.console.sync;

import dev.concierge.api.ApiClient;
import dev.concierge.api.Backups;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The server calls of the Sync screen's backups line; they block, so they run off the FX thread. */
public interface BackupsApi {
    /** {@code GET /api/health}'s {@code lastBackupAt}: what every desk may see. */
    Optional<Instant> lastBackupAt();

    /** {@code GET /api/staff/backups} (managers): the backups kept on the server's disk. */
    Backups list();

    /** {@code POST /api/staff/backups} (managers): a backup now. */
    Backups.Backup backUpNow();

    static BackupsApi over(ApiClient client) {
        return new BackupsApi() {
            @Override
            public Optional<Instant> lastBackupAt() {
                return Optional.ofNullable(client.health().lastBackupAt());
            }

            @Override
            public Backups list() {
                return client.get("/api/staff/backups", Backups.class);
            }

            @Override
            public Backups.Backup backUpNow() {
                return client.post("/api/staff/backups", Map.of(), Backups.Backup.class);
            }
        };
    }
}
