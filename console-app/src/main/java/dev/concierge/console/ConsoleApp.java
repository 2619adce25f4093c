package dev.concierge.console;

import atlantafx.base.theme.PrimerLight;
import dev.concierge.api.ApiClient;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The staff console window: for now the product header and the status of the server it talks to. */
public final class ConsoleApp extends Application {
    static final String TITLE = "Concierge — Front desk";

    // Calls to the server run here, never on the FX thread. A daemon thread never keeps the JVM alive.
    private final ExecutorService serverCalls = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "console-server-calls");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void start(Stage stage) {
        URI server = ConsoleOptions.parse(getParameters().getRaw()).server();
        StatusViewModel status =
                new StatusViewModel(server, ApiClient.of(server)::health, serverCalls, Platform::runLater);

        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setTitle(TITLE);
        stage.setScene(new Scene(
                new ConsoleView(status), Math.min(1024, screen.getWidth()), Math.min(720, screen.getHeight())));
        stage.show();
        status.refresh();
    }

    @Override
    public void stop() {
        serverCalls.shutdownNow();
    }
}
