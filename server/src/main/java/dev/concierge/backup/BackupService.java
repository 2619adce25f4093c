package dev.concierge.backup;

import dev.concierge.api.Backups;
import dev.concierge.storage.BackupArchive;
import dev.concierge.storage.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backups of one appliance's embedded database, in {@code DATA/backups}: a nightly one (the last
 * {@value #NIGHTLIES_KEPT} kept), one staff start from the console, and the snapshot the {@code backup} command
 * fetches from a running server. Each is H2's online, transactionally consistent backup ({@link BackupArchive}).
 */
public final class BackupService {
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    static final int NIGHTLIES_KEPT = 7;
    /** Nightly backups are made at the first minutely check after this venue-local time. */
    static final LocalTime NIGHTLY_AT = LocalTime.of(3, 0);

    private static final String NIGHTLY = "nightly";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Database database;
    private final Path dataDir;
    private final Path directory;
    private final Clock clock;
    private final String version;
    /** The newest backup's time, read from the directory once ({@link #scanned}) and then kept as backups are made. */
    private volatile @Nullable Instant lastBackupAt;

    private volatile boolean scanned;

    public BackupService(Database database, Path dataDir, Clock clock, String version) {
        this.database = database;
        this.dataDir = dataDir;
        this.directory = dataDir.resolve("backups");
        this.clock = clock;
        this.version = version;
    }

    /** A backup started by staff, kept beside the nightly ones. */
    public Backups.Backup backUpNow() {
        Instant now = now();
        String name = "manual-" + STAMP.format(now);
        Path target = directory.resolve(name + ".zip");
        // two in the same second (or under a frozen demo clock) each keep their own file
        for (int next = 2; Files.exists(target); next++) {
            target = directory.resolve(name + "-" + next + ".zip");
        }
        return backUp(target, "manual", now);
    }

    /**
     * The night's backup, once per venue-local day after {@link #NIGHTLY_AT}; then only the newest
     * {@value #NIGHTLIES_KEPT} nightly ones are kept. Named by the venue's date, so a clock set back or a DST change
     * never makes a second one for the same day.
     */
    public void nightly() {
        LocalDateTime local = LocalDateTime.now(clock);
        if (local.toLocalTime().isBefore(NIGHTLY_AT)) {
            return;
        }
        Path tonight = directory.resolve(NIGHTLY + "-" + local.toLocalDate() + ".zip");
        if (Files.exists(tonight)) {
            return;
        }
        backUp(tonight, NIGHTLY, now());
        pruneNightlies();
    }

    /** A snapshot written to {@code target} outside the backups directory (the backup command's). */
    public void writeTo(Path target) {
        backUp(target, "command", now());
    }

    /** The backups kept, newest first. */
    public Backups list() {
        List<Backups.Backup> backups = new ArrayList<>();
        for (Path file : files()) {
            try {
                BackupArchive.Manifest manifest = BackupArchive.read(file);
                backups.add(entry(file, manifest));
            } catch (RuntimeException unreadable) {
                log.warn("{} in the backups directory is not a readable backup", file.getFileName());
            }
        }
        backups.sort(Comparator.comparing(Backups.Backup::createdAt).reversed());
        return new Backups(backups, backups.isEmpty() ? null : backups.get(0).createdAt());
    }

    /** When the newest kept backup was made; empty before the first. */
    public Optional<Instant> lastBackupAt() {
        if (!scanned) {
            Instant listed = list().lastBackupAt();
            synchronized (this) {
                Instant known = lastBackupAt;
                if (known == null || (listed != null && listed.isAfter(known))) {
                    lastBackupAt = listed;
                }
                scanned = true;
            }
        }
        return Optional.ofNullable(lastBackupAt);
    }

    private Backups.Backup backUp(Path target, String kind, Instant now) {
        try (Connection connection = database.dataSource().getConnection()) {
            BackupArchive.Manifest manifest = BackupArchive.write(connection, dataDir, target, version, now, kind);
            log.info("Backed up the database ({}) to {}", kind, target.getFileName());
            if (target.startsWith(directory)) {
                synchronized (this) {
                    Instant known = lastBackupAt;
                    if (known == null || known.isBefore(now)) {
                        lastBackupAt = now;
                    }
                }
            }
            return entry(target, manifest);
        } catch (SQLException e) {
            throw new IllegalStateException("the database could not be reached for a backup: " + e.getMessage(), e);
        }
    }

    private void pruneNightlies() {
        List<Path> nightlies = files().stream()
                .filter(file -> file.getFileName().toString().startsWith(NIGHTLY + "-"))
                .sorted(Comparator.comparing((Path file) -> file.getFileName().toString())
                        .reversed())
                .toList();
        for (Path old : nightlies.subList(Math.min(NIGHTLIES_KEPT, nightlies.size()), nightlies.size())) {
            try {
                Files.deleteIfExists(old);
                log.info("Removed the old nightly backup {}", old.getFileName());
            } catch (IOException e) {
                log.warn("The old nightly backup {} could not be removed: {}", old.getFileName(), e.getMessage());
            }
        }
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            // hidden names are backups still being written
            return entries.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.endsWith(".zip") && !name.startsWith(".");
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory + ": " + e.getMessage(), e);
        }
    }

    private static Backups.Backup entry(Path file, BackupArchive.Manifest manifest) {
        return new Backups.Backup(
                file.getFileName().toString(),
                manifest.kind(),
                manifest.createdAt(),
                size(file),
                manifest.schemaVersion());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
