package dev.concierge.console.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiClient;
import dev.concierge.api.BookingView;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.ReservationRequest;
import dev.concierge.api.SyncStatus;
import dev.concierge.console.ConsoleSettings;
import dev.concierge.console.ConsoleTestServer;
import dev.concierge.console.ConsoleWindow;
import dev.concierge.console.ConsoleWindows;
import dev.concierge.console.files.SaveLocation;
import dev.concierge.testing.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Sync screen against a real server whose n8n is down, then back: the failure in words, and a retry. */
class SyncViewIT {
    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    @Test
    void aFailingServiceShowsItsErrorAndTheRetrySendsTheChangeOnceItIsBack() throws Exception {
        try (WebhookReceiver n8n = WebhookReceiver.start();
                ConsoleTestServer server = ConsoleTestServer.withEnvironment(
                        temp.resolve("data"),
                        Map.of(
                                "N8N_WEBHOOK_URL", n8n.url().toString(),
                                "N8N_WEBHOOK_SECRET", n8n.secret(),
                                // the next automatic try is far off: only the retry sends it again
                                "OUTBOX_RETRY_BASE_MS", "600000"))) {
            n8n.answer(new WebhookReceiver.Answer(500, null));
            ApiClient desk = server.client("front_desk");
            BookingView booking = desk.post(
                    "/api/staff/bookings",
                    new ReservationRequest(
                            "massage-60",
                            "2026-03-10T16:00",
                            1,
                            null,
                            null,
                            null,
                            null,
                            new ContactDetails("Ana López", "ana@example.com", null),
                            null,
                            null),
                    BookingView.class);
            waitForAttempt(desk);

            var account = server.account("front_desk");
            ConsoleWindow console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());
            console.signIn(account.email(), account.password());
            console.waitForShell();
            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT8, KeyCombination.SHORTCUT_DOWN));

            console.waitUntil("n8n's card", () -> console.showing("#sync-service-n8n"));
            assertEquals("Retrying", console.text("#sync-service-n8n-state"));
            assertTrue(
                    console.text("#sync-service-n8n-error").contains("500"), console.text("#sync-service-n8n-error"));
            @SuppressWarnings("unchecked")
            TableView<DeliveryRow> table = console.find("#sync-table", TableView.class);
            console.waitUntil(
                    "the booking's delivery",
                    () -> table.getItems().stream().anyMatch(row -> row.change().contains(booking.reference())));
            DeliveryRow row = console.onFx(() -> table.getItems().stream()
                    .filter(r -> r.change().equals("booking created · " + booking.reference()))
                    .findFirst()
                    .orElseThrow());
            assertEquals("n8n", row.service());
            assertEquals("Waiting", row.status());
            assertEquals("1", row.attempts());
            assertFalse(console.showing("#sync-backup-now"), "the front desk sees the backups but starts none");
            console.waitUntil(
                    "the backups line",
                    () -> console.text("#sync-backups-summary").startsWith("No backup yet"));
            console.assertEveryControlIsNamed();
            console.screenshot("sync-failing.png");

            console.robot().clickOn("booking created · " + booking.reference());
            console.robot().type(KeyCode.R);
            console.waitUntil(
                    "the retry's notice", () -> console.text("#sync-notice").contains("again now"));
            console.waitUntil(
                    "n8n up to date",
                    () -> console.text("#sync-service-n8n-state").equals("Up to date"));
            assertTrue(
                    n8n.received().stream().anyMatch(m -> m.type().equals("booking.created")),
                    "n8n got the booking on the retry");
            console.waitUntil(
                    "the delivery shown delivered",
                    () -> table.getItems().stream()
                            .anyMatch(r -> r.change().contains(booking.reference())
                                    && r.status().equals("Delivered")));
            console.screenshot("sync-delivered.png");

            // F1 lists every shortcut, this screen's first; Escape closes it and the table has the keys again
            console.robot().type(KeyCode.F1);
            console.waitUntil("the help", () -> console.showing("#help-overlay"));
            assertEquals("Sync (this screen)", console.text("#help-keys-sync-heading"));
            assertEquals(SyncView.keys(dev.concierge.console.Texts.english()), console.text("#help-keys-sync"));
            assertEquals("Ctrl+4", console.text("#help-shortcut-4"));
            console.assertEveryControlIsNamed();
            console.screenshot("help-overlay.png");
            console.robot().type(KeyCode.ESCAPE);
            console.waitUntil("the help closed", () -> !console.showing("#help-overlay"));
            assertEquals(java.util.List.of(), n8n.problems());
        }
    }

    @Test
    void aManagerBacksUpNowAndSeesIt() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.withEnvironment(temp.resolve("data"), Map.of())) {
            var account = server.account("manager");
            ConsoleWindow console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());
            console.signIn(account.email(), account.password());
            console.waitForShell();
            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT8, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil(
                    "the backups line",
                    () -> console.text("#sync-backups-summary").startsWith("No backup yet"));

            console.robot().clickOn("#sync-backup-now");

            console.waitUntil(
                    "the backup's notice",
                    () -> console.text("#sync-backups-notice").startsWith("Backed up: manual-"));
            console.waitUntil(
                    "the new backup in the line",
                    () -> console.text("#sync-backups-summary").contains("(started by staff) · one kept"));
            assertEquals(
                    1,
                    server.client("manager")
                            .get("/api/staff/backups", dev.concierge.api.Backups.class)
                            .backups()
                            .size());
            assertFalse(console.showing("#sync-support-bundle"), "the support bundle is the owner's");
            console.assertEveryControlIsNamed();
            console.screenshot("sync-backups.png");
        }
    }

    @Test
    void theOwnerDownloadsASupportBundle() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.withEnvironment(temp.resolve("data"), Map.of())) {
            Path exports = Files.createDirectories(temp.resolve("exports"));
            Path settings = temp.resolve("settings");
            // a fixed export folder: saved there at once, with no native save dialog
            new ConsoleSettings(settings).put(SaveLocation.EXPORT_FOLDER, exports.toString());
            var account = server.account("owner");
            ConsoleWindow console =
                    windows.open(settings, "--server", server.uri().toString());
            console.signIn(account.email(), account.password());
            console.waitForShell();
            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT8, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil("the support bundle's button", () -> console.showing("#sync-support-bundle"));

            console.robot().clickOn("#sync-support-bundle");

            console.waitUntil(
                    "the bundle saved",
                    () -> console.text("#sync-support-progress").startsWith("Saved "));
            List<Path> saved;
            try (var files = Files.list(exports)) {
                saved = files.toList();
            }
            assertEquals(1, saved.size(), saved.toString());
            Path bundle = saved.get(0);
            assertTrue(
                    bundle.getFileName().toString().matches("concierge-support-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.zip"),
                    bundle.toString());
            List<String> entries = new ArrayList<>();
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    entries.add(entry.getName());
                }
            }
            assertTrue(
                    entries.containsAll(List.of("versions.json", "settings.json", "health.json")), entries.toString());
            console.assertEveryControlIsNamed();
            console.screenshot("sync-support-bundle.png");
        }
    }

    /** Until the first try to n8n has failed. */
    private static void waitForAttempt(ApiClient desk) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            SyncStatus status = desk.get("/api/staff/sync", SyncStatus.class);
            if (status.deliveries().stream().anyMatch(d -> d.attempts() > 0 && d.lastError() != null)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("n8n was never tried");
    }
}
