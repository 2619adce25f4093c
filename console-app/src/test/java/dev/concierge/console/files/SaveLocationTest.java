package dev.concierge.console.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.console.ConsoleSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveLocationTest {
    @TempDir
    Path temp;

    @Test
    void aFixedExportFolderTakesTheSuggestedNameOrTheNextFreeOne() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("exports"));
        ConsoleSettings settings = new ConsoleSettings(temp.resolve("settings"));
        settings.put(SaveLocation.EXPORT_FOLDER, folder.toString());
        SaveLocation location = new SaveLocation(settings);

        // no dialog is shown with a fixed folder, so no window is needed
        assertEquals(
                folder.resolve("contacts.xlsx"),
                location.choose(null, "Export", "contacts.xlsx").orElseThrow());
        Files.writeString(folder.resolve("contacts.xlsx"), "first");
        Files.writeString(folder.resolve("contacts (2).xlsx"), "second");
        assertEquals(
                folder.resolve("contacts (3).xlsx"),
                location.choose(null, "Export", "contacts.xlsx").orElseThrow());
        Files.writeString(folder.resolve("notes"), "no extension");
        assertEquals(folder.resolve("notes (2)"), SaveLocation.free(folder, "notes"));
    }
}
