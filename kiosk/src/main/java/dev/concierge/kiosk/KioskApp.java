package dev.concierge.kiosk;

import atlantafx.base.theme.PrimerLight;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The kiosk window: full-screen unless {@code --windowed}. It pairs with {@code --pair CODE} (or uses the token it
 * kept), then shows the chat, or why it cannot.
 */
public final class KioskApp extends Application {
    private @Nullable ExecutorService calls;
    private @Nullable Timeline ticks;
    private @Nullable EspeakSpeech speech;
    private @Nullable ToneChime chime;

    @Override
    public void start(Stage stage) {
        KioskOptions options = KioskOptions.parse(getParameters().getRaw());

        ExecutorService background = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "kiosk-calls");
            thread.setDaemon(true);
            return thread;
        });
        calls = background;
        KioskViewModel model = new KioskViewModel(
                HttpKioskApi.of(options.server()),
                KioskSettings.standard(),
                new Calls(background, Platform::runLater),
                options.idle(),
                Instant::now);

        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Screen screen = Screen.getPrimary();
        EspeakSpeech voice = new EspeakSpeech(
                options.speechCommand(), options.speechWavDirectory().orElse(null));
        speech = voice;
        ToneChime tones = new ToneChime();
        chime = tones;
        KioskView view = new KioskView(model, new AccessibilityViewModel(model.chat(), voice, tones));
        Scene scene;
        if (options.windowed()) {
            Rectangle2D desktop = screen.getVisualBounds();
            scene = new Scene(view, Math.min(1280, desktop.getWidth()), Math.min(800, desktop.getHeight()));
        } else {
            // The window covers the screen by itself too, for a kiosk that runs without a window manager
            // (a bare X session): there a full-screen request alone leaves the window as it is.
            Rectangle2D whole = screen.getBounds();
            scene = new Scene(view, whole.getWidth(), whole.getHeight());
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
        // any touch, click, key or scroll shows a guest is still there
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> model.chat().touch());
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, event -> model.chat().touch());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> model.chat().touch());
        scene.addEventFilter(ScrollEvent.SCROLL, event -> model.chat().touch());
        stage.setTitle("Concierge");
        stage.setScene(scene);
        stage.show();

        Timeline timeline = new Timeline(new KeyFrame(Duration.millis(250), event -> model.tick()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        ticks = timeline;
        model.start(options.pairingCode());
    }

    @Override
    public void stop() {
        if (ticks != null) {
            ticks.stop();
        }
        if (calls != null) {
            calls.shutdownNow();
        }
        if (speech != null) {
            speech.close();
        }
        if (chime != null) {
            chime.close();
        }
    }
}
