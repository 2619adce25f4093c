package dev.concierge.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConsoleOptionsTest {

    @Test
    void startsItsOwnServerByDefault() {
        ConsoleOptions options = ConsoleOptions.parse(List.of());

        assertEquals(Optional.empty(), options.server());
        assertEquals(Path.of("concierge-data"), options.data());
        assertEquals(7070, options.port());
        assertFalse(options.demo());
        assertEquals(Optional.empty(), options.language());
    }

    @Test
    void takesTheConsolesLanguage() {
        assertEquals(
                Optional.of(UiLanguage.ES),
                ConsoleOptions.parse(List.of("--lang", "es")).language());
        assertEquals(
                Optional.of(UiLanguage.EN),
                ConsoleOptions.parse(List.of("--lang", "EN")).language());
        assertThrows(CommandLine.ParameterException.class, () -> ConsoleOptions.parse(List.of("--lang", "fr")));
    }

    @Test
    void acceptsEveryFlagOfTheDesign() {
        ConsoleOptions options = ConsoleOptions.parse(
                List.of("--server", "http://desk-1.lan:8080", "--data", "/srv/concierge", "--port", "9090", "--demo"));

        assertEquals(Optional.of(URI.create("http://desk-1.lan:8080")), options.server());
        assertEquals(Path.of("/srv/concierge"), options.data());
        assertEquals(9090, options.port());
        assertTrue(options.demo());
    }

    @Test
    void rejectsAnUnknownFlag() {
        assertThrows(CommandLine.ParameterException.class, () -> ConsoleOptions.parse(List.of("--sever", "x")));
    }
}
