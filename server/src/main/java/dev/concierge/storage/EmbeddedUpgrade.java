package dev.concierge.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the embedded database of a data directory up to this build's schema. A database made by an older version
 * is backed up into {@code backups/} first; when a migration then fails, the pool is closed and the database file
 * put back from that backup, so the data directory is exactly as the older version left it (H2 commits each DDL
 * statement on its own, so a failed migration would otherwise leave half of itself behind).
 */
final class EmbeddedUpgrade {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedUpgrade.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dataDir;
    private final String version;
    private final List<String> locations;

    EmbeddedUpgrade(Path dataDir, String version, List<String> locations) {
        this.dataDir = dataDir;
        this.version = version;
        this.locations = List.copyOf(locations);
    }

    void run(HikariDataSource pool) {
        if (locations.equals(List.of(Database.MIGRATIONS)) && SchemaVersions.upToDate(pool)) {
            return;
        }
        Path backup = backUpIfExisting(pool);
        try {
            Database.migrate(pool, locations);
        } catch (RuntimeException failure) {
            if (backup == null) {
                throw failure; // a new database: there is nothing of the venue's to keep
            }
            Database.closeQuietly(pool);
            try {
                BackupArchive.putBackDatabase(backup, dataDir);
            } catch (IOException e) {
                failure.addSuppressed(e);
                throw new IllegalStateException(
                        "The database upgrade failed (" + failure.getMessage() + ") and the database could not be put"
                                + " back: restore " + backup + " into a new data directory with the restore command.",
                        failure);
            }
            throw new IllegalStateException(
                    "The database upgrade to Concierge " + version + " failed: " + failure.getMessage()
                            + " Nothing was changed: the data is as it was before (put back from " + backup
                            + "), and the previous version runs on it.",
                    failure);
        }
    }

    /** A backup of a database that already holds a schema; nothing for a new one. */
    private @Nullable Path backUpIfExisting(HikariDataSource pool) {
        try (Connection connection = pool.getConnection()) {
            String schema = BackupArchive.schemaVersion(connection);
            if (schema == null) {
                return null;
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Path target = dataDir.resolve("backups")
                    .resolve("pre-upgrade-from-V" + schema + "-" + STAMP.format(now) + ".zip");
            BackupArchive.write(connection, dataDir, target, version, now, "pre-upgrade");
            log.info("Backed up the database (schema V{}) to {} before upgrading it", schema, target);
            return target;
        } catch (SQLException e) {
            throw new IllegalStateException("the database could not be opened: " + e.getMessage(), e);
        }
    }
}
