package dev.concierge.console.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiError;
import dev.concierge.api.ApiException;
import dev.concierge.api.Backups;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupsViewModelTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    /** The server's backups as the console's API boundary answers them. */
    private static final class ServerBackups implements BackupsApi {
        final List<Backups.Backup> kept = new ArrayList<>();
        boolean diskFull;

        @Override
        public Optional<Instant> lastBackupAt() {
            return kept.isEmpty() ? Optional.empty() : Optional.of(kept.get(0).createdAt());
        }

        @Override
        public Backups list() {
            return new Backups(kept, kept.isEmpty() ? null : kept.get(0).createdAt());
        }

        @Override
        public Backups.Backup backUpNow() {
            if (diskFull) {
                throw new ApiException(500, ApiError.of("internal", "No space left on the disk."));
            }
            Backups.Backup made = new Backups.Backup("manual-1.zip", "manual", NOW, 1_000, "22");
            kept.add(0, made);
            return made;
        }
    }

    private static BackupsViewModel model(ServerBackups server, boolean manager, Texts texts) {
        return new BackupsViewModel(
                texts,
                server,
                MADRID,
                Clock.fixed(NOW, ZoneOffset.UTC),
                manager,
                new ServerCalls(Runnable::run, Runnable::run, () -> {}, texts));
    }

    @Test
    void noBackupYetIsAWarning() {
        BackupsViewModel model = model(new ServerBackups(), true, Texts.english());

        model.refresh();

        assertTrue(
                model.summaryProperty().get().startsWith("No backup yet"),
                model.summaryProperty().get());
        assertTrue(model.staleProperty().get());
    }

    @Test
    void aManagerSeesTheNightsBackupAndStartsOneNow() {
        ServerBackups server = new ServerBackups();
        server.kept.add(new Backups.Backup("nightly-2026-12-03.zip", "nightly", NOW.minusSeconds(6 * 3600), 10, "22"));
        BackupsViewModel model = model(server, true, Texts.english());

        model.refresh();
        assertEquals(
                "last one Thu 3 Dec 04:00 (nightly) · one kept on the server's disk: copy them elsewhere too",
                model.summaryProperty().get());
        assertFalse(model.staleProperty().get());

        model.backUpNow();

        assertEquals("Backed up: manual-1.zip", model.noticeProperty().get());
        assertTrue(
                model.summaryProperty().get().contains("(started by staff) · 2 kept"),
                model.summaryProperty().get());
        assertFalse(model.busyProperty().get());
    }

    @Test
    void aNightlyBackupThatStoppedIsNoticedAndAFailedOneSaysWhy() {
        ServerBackups server = new ServerBackups();
        server.kept.add(
                new Backups.Backup("nightly-2026-11-30.zip", "nightly", NOW.minusSeconds(3 * 86_400), 10, "22"));
        server.diskFull = true;
        BackupsViewModel model = model(server, true, Texts.english());

        model.refresh();
        model.backUpNow();

        assertTrue(model.staleProperty().get());
        assertTrue(
                model.summaryProperty().get().endsWith("check the server's disk and its log"),
                model.summaryProperty().get());
        assertTrue(
                model.problemProperty().get().startsWith("No backup was made"),
                model.problemProperty().get());
        assertTrue(
                model.problemProperty().get().contains("No space left"),
                model.problemProperty().get());
        assertEquals(1, server.kept.size());
    }

    @Test
    void theFrontDeskSeesWhenButCannotStartOneAndReadsItInSpanish() {
        ServerBackups server = new ServerBackups();
        server.kept.add(new Backups.Backup("nightly-2026-12-03.zip", "nightly", NOW.minusSeconds(3600), 10, "22"));
        BackupsViewModel model = model(server, false, new Texts(dev.concierge.console.UiLanguage.ES));

        model.refresh();
        model.backUpNow();

        assertFalse(model.mayBackUp());
        assertTrue(
                model.summaryProperty().get().startsWith("la última "),
                model.summaryProperty().get());
        assertEquals(1, server.kept.size(), "nothing started");
    }
}
