package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class KioskOptionsTest {

    @Test
    void runsFullScreenUnpairedByDefault() {
        KioskOptions options = KioskOptions.parse(List.of("--server", "http://desk.lan:7070"));

        assertEquals(URI.create("http://desk.lan:7070"), options.server());
        assertEquals(Optional.empty(), options.pairingCode());
        assertFalse(options.windowed());
        assertEquals(Duration.ofSeconds(60), options.idle());
        assertEquals("espeak-ng", options.speechCommand());
        assertEquals(Optional.empty(), options.speechWavDirectory());
    }

    @Test
    void takesTheSpeechCommandAndAWavDirectoryForTests() {
        KioskOptions options = KioskOptions.parse(List.of(
                "--server",
                "http://desk.lan:7070",
                "--speech-command",
                "/opt/espeak/bin/espeak-ng",
                "--speech-wav-dir",
                "/tmp/said"));

        assertEquals("/opt/espeak/bin/espeak-ng", options.speechCommand());
        assertEquals(Optional.of(Path.of("/tmp/said")), options.speechWavDirectory());
    }

    @Test
    void takesTheIdleTime() {
        KioskOptions options = KioskOptions.parse(List.of("--server", "http://desk.lan:7070", "--idle-seconds", "5"));

        assertEquals(Duration.ofSeconds(5), options.idle());
        assertThrows(
                CommandLine.ParameterException.class,
                () -> KioskOptions.parse(List.of("--server", "http://desk.lan:7070", "--idle-seconds", "0")));
    }

    @Test
    void acceptsAPairingCodeAndAWindow() {
        KioskOptions options =
                KioskOptions.parse(List.of("--server", "http://desk.lan:7070", "--pair", "K7-4821", "--windowed"));

        assertEquals(Optional.of("K7-4821"), options.pairingCode());
        assertTrue(options.windowed());
    }

    @Test
    void needsAServer() {
        assertThrows(CommandLine.MissingParameterException.class, () -> KioskOptions.parse(List.of("--windowed")));
    }
}
