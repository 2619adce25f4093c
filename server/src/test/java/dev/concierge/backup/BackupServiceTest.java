package dev.concierge.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.Backups;
import dev.concierge.storage.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly backups: once a venue-local night, after three, the last seven kept, across a DST change. */
class BackupServiceTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @TempDir
    Path dataDir;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(dataDir, null, null, null);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void oneBackupANightAfterThreeAndOnlyTheLastSevenKept() throws IOException {
        LocalDate first = LocalDate.of(2026, 3, 20); // Spain moves its clocks forward on 29 March
        for (int night = 0; night < 10; night++) {
            LocalDate day = first.plusDays(night);
            List<String> before = nightlyDates();
            at(day.atTime(1, 59)).nightly(); // not 2:59: on 29 March that hour does not exist in Madrid
            assertEquals(before, nightlyDates(), "nothing before three");
            at(day.atTime(3, 1)).nightly();
            at(day.atTime(23, 59)).nightly();
            assertTrue(nightlyDates().contains(day.toString()), "made on " + day + ": " + nightlyDates());
        }

        List<String> kept = nightlyDates();
        assertEquals(7, kept.size(), kept.toString());
        assertEquals("2026-03-23", kept.get(0), "the three oldest nights are gone");
        assertEquals("2026-03-29", kept.get(6), "the night of the DST change has its one backup");
        Backups listed = at(first.plusDays(9).atTime(12, 0)).list();
        assertEquals(7, listed.backups().size());
        assertEquals("nightly", listed.backups().get(0).kind());
        assertEquals(listed.backups().get(0).createdAt(), listed.lastBackupAt(), "newest first");
    }

    @Test
    void aManualBackupUnderAFrozenClockNeverReplacesAnother() {
        BackupService frozen = at(LocalDateTime.of(2026, 3, 9, 9, 0));

        Backups.Backup first = frozen.backUpNow();
        Backups.Backup second = frozen.backUpNow();

        assertEquals(2, frozen.list().backups().size(), first.name() + " " + second.name());
        assertEquals(first.createdAt(), frozen.lastBackupAt().orElseThrow());
    }

    private BackupService at(LocalDateTime local) {
        Instant instant = local.atZone(MADRID).toInstant();
        return new BackupService(database, dataDir, Clock.fixed(instant, MADRID), "test");
    }

    /** The venue dates of the nightly backups kept, oldest first. */
    private List<String> nightlyDates() throws IOException {
        Path directory = dataDir.resolve("backups");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("nightly-"))
                    .map(name -> name.substring("nightly-".length(), name.length() - ".zip".length()))
                    .sorted()
                    .toList();
        }
    }
}
