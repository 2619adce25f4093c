package dev.concierge.console.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiError;
import dev.concierge.api.ApiException;
import dev.concierge.console.ServerCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileExportTest {
    @TempDir
    Path temp;

    private final List<Runnable> background = new ArrayList<>();
    private final ServerCalls calls = new ServerCalls(background::add, Runnable::run, () -> {});

    @Test
    void showsWhatHasComeThenTheSavedFile() throws Exception {
        Path target = temp.resolve("contacts.xlsx");
        List<String> shown = new ArrayList<>();
        FileExport export = new FileExport(
                (path, file, received) -> {
                    assertEquals("/api/staff/contacts/export.xlsx", path);
                    received.accept(300 * 1024);
                    received.accept(301 * 1024); // the same 256 KiB step: not shown again
                    received.accept(3 * 1024 * 1024);
                    try {
                        Files.write(file, new byte[] {1, 2, 3});
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return 3 * 1024 * 1024;
                },
                calls);
        export.progressProperty().addListener((observable, before, now) -> shown.add(now));

        export.start("/api/staff/contacts/export.xlsx", target);
        assertTrue(export.runningProperty().get());
        export.start("/api/staff/contacts/export.xlsx", target); // a second click while it runs
        assertEquals(1, background.size(), "one export at a time");
        background.remove(0).run();

        assertEquals(List.of("Exporting…", "300 KB received…", "3.0 MB received…", "Saved 3.0 MB to " + target), shown);
        assertEquals(target, export.savedProperty().get());
        assertFalse(export.runningProperty().get());
        assertEquals("", export.problemProperty().get());
    }

    @Test
    void aRefusalSaysSoAndNamesNoFile() {
        FileExport export = new FileExport(
                (path, file, received) -> {
                    throw new ApiException(403, ApiError.of("forbidden", "Only a manager or the owner may do this."));
                },
                calls);

        export.start("/api/staff/contacts/export.xlsx", temp.resolve("contacts.xlsx"));
        background.remove(0).run();

        assertEquals(
                "The export was not saved: Only a manager or the owner may do this.",
                export.problemProperty().get());
        assertNull(export.savedProperty().get());
        assertFalse(export.runningProperty().get());
        assertFalse(Files.exists(temp.resolve("contacts.xlsx")));
    }
}
