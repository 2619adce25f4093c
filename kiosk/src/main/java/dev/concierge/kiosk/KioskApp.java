package dev.concierge.kiosk;

import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The kiosk window: full-screen unless {@code --windowed}; for now a welcome in the language the guest picks. */
public final class KioskApp extends Application {

    @Override
    public void start(Stage stage) {
        KioskOptions options = KioskOptions.parse(getParameters().getRaw());

        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Screen screen = Screen.getPrimary();
        Parent welcome = new WelcomeView(new WelcomeViewModel());
        Scene scene;
        if (options.windowed()) {
            Rectangle2D desktop = screen.getVisualBounds();
            scene = new Scene(welcome, Math.min(1024, desktop.getWidth()), Math.min(768, desktop.getHeight()));
        } else {
            // The window covers the screen by itself too, for a kiosk that runs without a window manager
            // (a bare X session): there a full-screen request alone leaves the window as it is.
            Rectangle2D whole = screen.getBounds();
            scene = new Scene(welcome, whole.getWidth(), whole.getHeight());
            stage.setX(whole.getMinX());
            stage.setY(whole.getMinY());
            // a guest must not leave the kiosk with Esc, nor be told how to
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
        }
        scene.getStylesheets()
                .add(Objects.requireNonNull(KioskApp.class.getResource("kiosk.css"))
                        .toExternalForm());
        stage.setTitle("Concierge");
        stage.setScene(scene);
        stage.show();
    }
}
