package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.testing.fx.FxWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Opens the real kiosk window (under Xvfb) through {@link KioskApp}, as the jar does: full-screen. */
class KioskAppIT {
    private final FxWindow window = new FxWindow();

    @AfterEach
    void closeWindow() throws TimeoutException {
        window.close();
    }

    @Test
    void welcomesInSpanishAfterTheGuestTouchesEs() throws Exception {
        Stage stage = window.open(KioskApp.class, "--server", "http://127.0.0.1:7070");
        FxRobot robot = window.robot();
        Label welcome = robot.lookup("#welcome").queryAs(Label.class);
        Rectangle2D screen = Screen.getPrimary().getBounds();
        assertTrue(stage.isFullScreen());
        assertEquals(screen.getWidth(), stage.getScene().getWidth());
        assertEquals(screen.getHeight(), stage.getScene().getHeight());
        assertEquals("Welcome", welcome.getText());
        FxWindow.assertEveryControlIsNamed(stage.getScene().getRoot());

        robot.clickOn("#language-es");

        assertEquals("Bienvenido", welcome.getText());
        assertTrue(robot.lookup("#language-es")
                .queryAs(Button.class)
                .getStyleClass()
                .contains("accent"));
        Path png = window.screenshot("kiosk-welcome-es.png");
        assertTrue(Files.size(png) > 0);
    }
}
