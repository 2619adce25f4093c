package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskViewModelTest {
    private final FakeKioskApi server = new FakeKioskApi();
    private final MutableClock clock = new MutableClock();

    @TempDir
    Path settingsDir;

    private KioskViewModel kiosk() {
        return new KioskViewModel(
                server,
                new KioskSettings(settingsDir),
                new Calls(Runnable::run, Runnable::run),
                Duration.ofSeconds(60),
                clock);
    }

    @Test
    void pairsWithTheCodeOnceAndKeepsTheToken() throws Exception {
        KioskViewModel kiosk = kiosk();

        kiosk.start(Optional.of("ABCD-EFGH"));

        assertEquals(KioskViewModel.Screen.CHAT, kiosk.getScreen());
        assertEquals(List.of("ABCD-EFGH"), server.codesRedeemed);
        assertEquals(
                Optional.of(new KioskSettings.Pairing("ckt_good", "kio_1", "Lobby")),
                new KioskSettings(settingsDir).pairing());
        assertEquals("Hotel Miramar", kiosk.chat().venueNameProperty().get());
        assertFalse(kiosk.chat().getTexts().get("welcome").isEmpty());
        assertFalse(
                new KioskSettings(settingsDir)
                        .pairing()
                        .orElseThrow()
                        .toString()
                        .contains("ckt_good"),
                "the token is never printed");
        assertTrue(Files.readString(settingsDir.resolve("kiosk.properties")).contains("ckt_good"));
    }

    @Test
    void laterStartsUseTheStoredTokenAndTheSameCodeAgainDoesNoHarm() {
        kiosk().start(Optional.of("ABCD-EFGH"));

        KioskViewModel again = kiosk();
        again.start(Optional.of("ABCD-EFGH")); // the same command line after a reboot: the code is used up
        KioskViewModel plain = kiosk();
        plain.start(Optional.empty());

        assertEquals(KioskViewModel.Screen.CHAT, again.getScreen());
        assertEquals(KioskViewModel.Screen.CHAT, plain.getScreen());
        assertTrue(server.tokensUsed.stream().allMatch("ckt_good"::equals), server.tokensUsed.toString());
    }

    @Test
    void withoutCodeNorTokenItSaysItIsNotPaired() {
        KioskViewModel kiosk = kiosk();

        kiosk.start(Optional.empty());

        assertEquals(KioskViewModel.Screen.UNPAIRED, kiosk.getScreen());
        assertEquals(0, server.venueCalls);
    }

    @Test
    void aWrongCodeSaysItIsNotPaired() {
        server.knowsCode = false;
        KioskViewModel kiosk = kiosk();

        kiosk.start(Optional.of("WRONG"));

        assertEquals(KioskViewModel.Screen.UNPAIRED, kiosk.getScreen());
        assertEquals(Optional.empty(), new KioskSettings(settingsDir).pairing());
    }

    @Test
    void anUnpairingInTheConsoleShowsAtTheNextHeartbeat() {
        KioskViewModel kiosk = kiosk();
        kiosk.start(Optional.of("ABCD-EFGH"));

        server.validToken = null; // revoked
        clock.advance(KioskViewModel.HEARTBEAT);
        kiosk.tick();

        assertEquals(KioskViewModel.Screen.UNPAIRED, kiosk.getScreen());
    }

    @Test
    void aServerGoneShowsOutOfServiceAndItComesBackByItself() {
        KioskViewModel kiosk = kiosk();
        kiosk.start(Optional.of("ABCD-EFGH"));
        kiosk.chat().send("Hi, I'm Ana López");

        server.down = true;
        clock.advance(KioskViewModel.HEARTBEAT);
        kiosk.tick();
        assertEquals(KioskViewModel.Screen.OUT_OF_SERVICE, kiosk.getScreen());
        assertEquals(List.of(), kiosk.chat().transcript(), "nothing of the guest waits for the next one");
        clock.advance(KioskViewModel.RETRY);
        kiosk.tick();
        assertEquals(KioskViewModel.Screen.OUT_OF_SERVICE, kiosk.getScreen());

        server.down = false;
        clock.advance(KioskViewModel.RETRY);
        kiosk.tick();

        assertEquals(KioskViewModel.Screen.CHAT, kiosk.getScreen());
    }

    @Test
    void aServerDownAtPairingTimeIsTriedAgainWithTheCode() {
        server.down = true;
        KioskViewModel kiosk = kiosk();
        kiosk.start(Optional.of("ABCD-EFGH"));
        assertEquals(KioskViewModel.Screen.OUT_OF_SERVICE, kiosk.getScreen());

        server.down = false;
        clock.advance(KioskViewModel.RETRY);
        kiosk.tick();

        assertEquals(KioskViewModel.Screen.CHAT, kiosk.getScreen());
        assertEquals(List.of("ABCD-EFGH"), server.codesRedeemed);
    }

    @Test
    void aTurnThatFindsTheServerGoneShowsOutOfService() {
        KioskViewModel kiosk = kiosk();
        kiosk.start(Optional.of("ABCD-EFGH"));

        server.down = true;
        kiosk.chat().send("Hi");

        assertEquals(KioskViewModel.Screen.OUT_OF_SERVICE, kiosk.getScreen());
    }
}
