package dev.concierge.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.testing.Ports;
import dev.concierge.testing.fx.FxWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real console window (under Xvfb) through {@link ConsoleApp}, as the jar does. */
class ConsoleAppIT {
    private final FxWindow window = new FxWindow();

    @AfterEach
    void closeWindow() throws TimeoutException {
        window.close();
    }

    @Test
    void namesTheServerItCannotReach() throws Exception {
        String server = "http://127.0.0.1:" + Ports.closed();
        Stage stage = window.open(ConsoleApp.class, "--server", server);
        FxRobot robot = window.robot();

        Label status = robot.lookup("#server-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, Bindings.notEqual(StatusViewModel.CONNECTING, status.textProperty()));

        assertEquals("Cannot reach " + server, status.getText());
        assertEquals(
                "Server: " + server,
                robot.lookup("#server-address").queryAs(Label.class).getText());
        assertEquals(
                "Concierge", robot.lookup("#product-name").queryAs(Label.class).getText());
        assertEquals("Concierge — Front desk", stage.getTitle());
        assertTrue(stage.isShowing());
        FxWindow.assertEveryControlIsNamed(stage.getScene().getRoot());

        Path png = window.screenshot("console-unreachable-server.png");
        assertTrue(Files.size(png) > 0);
    }
}
