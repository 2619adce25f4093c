package dev.concierge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ServerCommandTest {
    private final AtomicReference<ServerSettings> launched = new AtomicReference<>();

    private int run(Map<String, String> env, String... args) {
        return ServerCommand.run(args, env, settings -> {
            launched.set(settings);
            return 0;
        });
    }

    @Test
    void defaultsMatchTheContract() {
        assertEquals(0, run(Map.of()));

        ServerSettings settings = launched.get();
        assertEquals(7070, settings.port());
        assertEquals(Path.of("./concierge-data"), settings.dataDir());
        assertFalse(settings.demo());
        assertNull(settings.venueFile());
        assertNull(settings.dbUrl());
        assertNull(settings.frozenNow());
    }

    @Test
    void environmentVariablesSetWhatFlagsDoNot() {
        run(Map.of(
                "PORT", "8080",
                "CONCIERGE_DATA", "/var/lib/concierge",
                "CONCIERGE_VENUE", "/etc/concierge/venue.yaml",
                "CONCIERGE_NOW", "2026-03-10T09:00",
                "CONCIERGE_OWNER_EMAIL", "owner@hotel.example",
                "CONCIERGE_OWNER_PASSWORD", "a long passphrase",
                "OPENAI_API_KEY", "sk-test",
                "UNRELATED", "ignored"));

        ServerSettings settings = launched.get();
        assertEquals(8080, settings.port());
        assertEquals(Path.of("/var/lib/concierge"), settings.dataDir());
        assertEquals(Path.of("/etc/concierge/venue.yaml"), settings.venueFile());
        assertEquals(LocalDateTime.of(2026, 3, 10, 9, 0), settings.frozenNow());
        assertEquals("owner@hotel.example", settings.ownerEmail());
        assertEquals("sk-test", settings.integration("OPENAI_API_KEY"));
        assertFalse(settings.environment().containsKey("UNRELATED"), "only the integration settings are kept");
    }

    @Test
    void flagsWinOverTheEnvironment() {
        run(Map.of("PORT", "8080", "CONCIERGE_DATA", "/env/dir"), "--port", "9090", "--data", "/flag/dir", "--demo");

        assertEquals(9090, launched.get().port());
        assertEquals(Path.of("/flag/dir"), launched.get().dataDir());
        assertTrue(launched.get().demo());
    }

    @Test
    void aBadClockSettingStopsTheStartWithAClearMessage() {
        int code = run(Map.of("CONCIERGE_NOW", "tomorrow at nine"));

        assertEquals(2, code);
        assertNull(launched.get(), "nothing was started");
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        assertEquals(2, run(Map.of(), "--colour", "blue"));
        assertNull(launched.get());
    }
}
