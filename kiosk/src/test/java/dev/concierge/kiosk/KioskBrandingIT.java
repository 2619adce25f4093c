package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.api.Settings;
import dev.concierge.testing.fx.FxWindow;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The venue's colour, as a manager sets it, on the real kiosk window. */
class KioskBrandingIT {
    private final FxWindow window = new FxWindow();
    private final KioskScreen screen = new KioskScreen(window);
    private KioskTestServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        System.setProperty(
                KioskSettings.DIRECTORY_PROPERTY, dir.resolve("kiosk").toString());
        server = KioskTestServer.start(dir.resolve("data"), 0);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        server.close();
        System.clearProperty(KioskSettings.DIRECTORY_PROPERTY);
    }

    @Test
    void theAccentButtonsTakeTheVenuesColourWithTextThatContrasts() throws Exception {
        server.staff("manager").put("/api/staff/settings", new Settings(null, "#1d5c8c"), Settings.class);

        screen.open(server.uri(), "--pair", server.pairingCode());
        screen.waitUntil(() -> fill("#language-en").equals(Color.web("#1d5c8c")));

        Button chosen = window.robot().lookup("#language-en").queryButton();
        assertEquals(Color.WHITE, KioskScreen.onFx(chosen::getTextFill), "white on a deep blue");
        screen.screenshot("kiosk-branded.png");
    }

    private Object fill(String query) {
        Button button = window.robot().lookup(query).queryButton();
        return button.getBackground() == null
                ? "none"
                : button.getBackground().getFills().get(0).getFill();
    }
}
