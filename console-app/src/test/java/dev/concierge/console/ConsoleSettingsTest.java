package dev.concierge.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSettingsTest {
    @TempDir
    Path temp;

    @Test
    void eachKeyIsKeptWhenAnotherChanges() {
        ConsoleSettings settings = new ConsoleSettings(temp.resolve("console"));
        settings.put("lastEmail", "desk@miramar.example");
        settings.put("exportFolder", "/srv/exports");
        settings.put("lastEmail", "boss@miramar.example");

        ConsoleSettings again = new ConsoleSettings(temp.resolve("console"));
        assertEquals(Optional.of("boss@miramar.example"), again.get("lastEmail"));
        assertEquals(Optional.of("/srv/exports"), again.get("exportFolder"));
        assertEquals(Optional.empty(), again.get("windowBounds"));
    }

    @Test
    void anUnreadableFileCountsAsEmpty() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("console"));
        Files.writeString(dir.resolve(ConsoleSettings.FILE), "lastEmail=\\u12"); // a broken escape

        assertEquals(Optional.empty(), new ConsoleSettings(dir).get("lastEmail"));
    }
}
