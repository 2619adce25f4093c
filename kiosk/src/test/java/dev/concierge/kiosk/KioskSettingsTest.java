package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskSettingsTest {
    @TempDir
    Path dir;

    @Test
    void keepsThePairingReadableByTheKiosksUserOnly() throws Exception {
        KioskSettings settings = new KioskSettings(dir.resolve("concierge-kiosk"));

        settings.savePairing(new KioskSettings.Pairing("ckt_secret", "kio_1", "Lobby"));

        assertEquals(
                Optional.of(new KioskSettings.Pairing("ckt_secret", "kio_1", "Lobby")),
                new KioskSettings(dir.resolve("concierge-kiosk")).pairing());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(settings.file())));
    }

    @Test
    void forgetsThePairing() {
        KioskSettings settings = new KioskSettings(dir);
        settings.savePairing(new KioskSettings.Pairing("ckt_secret", "kio_1", "Lobby"));

        settings.forgetPairing();

        assertEquals(Optional.empty(), settings.pairing());
    }

    @Test
    void aNewKioskHasNoPairing() {
        assertEquals(Optional.empty(), new KioskSettings(dir.resolve("nothing-yet")).pairing());
    }
}
