package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.testing.fx.FxWindow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The kiosk's accessibility in the real window (under Xvfb, 1280x800) against a real demo server: replies read aloud
 * by the real espeak-ng (into WAV files), the controls low for a wheelchair, the on-screen keyboard, the text size,
 * and all of it gone for the next guest.
 */
class KioskAccessibilityIT {
    private final FxWindow window = new FxWindow();
    private final KioskScreen screen = new KioskScreen(window);
    private KioskTestServer server;
    private Path said;

    @TempDir
    Path dir;

    @BeforeEach
    void startServer() {
        System.setProperty(
                KioskSettings.DIRECTORY_PROPERTY, dir.resolve("kiosk").toString());
        server = KioskTestServer.start(dir.resolve("data"), 0);
        said = dir.resolve("said");
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        server.close();
        System.clearProperty(KioskSettings.DIRECTORY_PROPERTY);
    }

    @Test
    void inAccessibilityModeRepliesAreReadAloudInTheConversationsLanguage() throws Exception {
        Stage stage = open();
        FxRobot robot = window.robot();
        assertEquals("Accessibility: off", screen.text("#accessibility"));

        robot.clickOn("#accessibility");
        screen.waitUntil(() -> screen.text("#accessibility").equals("Accessibility: on ✓"));
        assertEquals(
                "Accessibility: on",
                KioskScreen.onFx(() -> node("#accessibility").getAccessibleText()));
        screen.waitUntil(() -> fontSize("#send") == TextSize.LARGE.pixels()); // larger text
        screen.say("What time is check-out?");

        Path english = spoken("Check-out is at 11:00.");
        assertTrue(english.getFileName().toString().endsWith("-en.txt"), english.toString());
        assertTrue(Files.size(wavBeside(english)) > 1000, "espeak-ng wrote the voice");
        FxWindow.assertEveryControlIsNamed(stage.getScene().getRoot());
        window.screenshot("kiosk-a11y-spoken.png");

        robot.clickOn("#language-es");
        screen.waitUntil(() -> screen.text("#accessibility").equals("Accesibilidad: sí ✓"));
        screen.say("¿A qué hora es la salida?");
        Path spanish = spoken("La salida es a las 11:00.");
        assertTrue(spanish.getFileName().toString().endsWith("-es.txt"), spanish.toString());
        assertTrue(Files.size(wavBeside(spanish)) > 1000);
    }

    @Test
    void inAccessibilityModeTheIdleCountdownIsSpokenAndThenEverySettingIsBack() throws Exception {
        open("--idle-seconds", "3");
        FxRobot robot = window.robot();
        robot.clickOn("#accessibility");
        screen.waitUntil(() -> screen.text("#accessibility").startsWith("Accessibility: on"));
        screen.say("What time is check-out?");
        spoken("Check-out is at 11:00.");

        screen.waitUntil(() -> screen.visible("#idle-overlay"));
        spoken("Are you still there? This conversation will be cleared in");
        window.screenshot("kiosk-a11y-idle-countdown.png");

        screen.waitUntil(() -> screen.visible("#welcome") && !screen.visible("#idle-overlay"));
        assertEquals("Accessibility: off", screen.text("#accessibility"));
        screen.waitUntil(() -> fontSize("#send") == TextSize.NORMAL.pixels());
    }

    @Test
    void withTheControlsLowEveryControlIsInTheLowerHalf() throws Exception {
        Stage stage = open();
        FxRobot robot = window.robot();
        assertEquals(1280, stage.getScene().getWidth());
        assertEquals(800, stage.getScene().getHeight());
        assertFalse(
                KioskScreen.onFx(() -> above(stage.getScene()).isEmpty()), "the language buttons are on top at first");

        robot.clickOn("#reach-layout");
        screen.waitUntil(() -> screen.text("#reach-layout").equals("Controls low: on ✓"));
        waitFor("every control in the lower half", () -> above(stage.getScene()));
        assertEquals(List.of(), KioskScreen.onFx(() -> clipped(stage.getScene())));
        assertTrue(KioskScreen.onFx(() -> bounds("#transcript").getMinY() < 200), "the conversation is on top");
        window.screenshot("kiosk-a11y-reach.png");

        robot.clickOn("#keyboard-toggle");
        screen.waitUntil(() -> screen.visible("#keyboard"));
        waitFor("every control and key in the lower half", () -> above(stage.getScene()));
        assertEquals(List.of(), KioskScreen.onFx(() -> clipped(stage.getScene())));
        FxWindow.assertEveryControlIsNamed(stage.getScene().getRoot());
        window.screenshot("kiosk-a11y-reach-keyboard.png");

        robot.clickOn("#reach-layout");
        screen.waitUntil(() -> bounds("#start-over").getMaxY() < 400);
        assertTrue(KioskScreen.onFx(() -> bounds("#language-en").getMaxY() < 400), "back on top");
    }

    @Test
    void theOnScreenKeyboardTypesAnoWithItsAccentsAndEnterSendsIt() throws Exception {
        Stage stage = open();
        FxRobot robot = window.robot();
        robot.clickOn("#keyboard-toggle");
        screen.waitUntil(() -> screen.visible("#keyboard"));
        assertEquals(
                "Keyboard: on", KioskScreen.onFx(() -> node("#keyboard-toggle").getAccessibleText()));
        assertFalse(screen.visible("#quick-replies"), "the keyboard takes their place");
        window.screenshot("kiosk-a11y-keyboard.png");

        robot.clickOn("#key-shift");
        screen.waitUntil(() -> screen.text("#key-a").equals("A"));
        assertEquals("Shift: on", KioskScreen.onFx(() -> node("#key-shift").getAccessibleText()));
        robot.clickOn("#key-a");
        screen.waitUntil(() -> message().equals("A") && screen.text("#key-a").equals("a"));
        robot.clickOn("#key-accents");
        screen.waitUntil(() -> screen.visible("#key-u00f1") && !screen.visible("#key-q"));
        assertEquals("Accents: on", KioskScreen.onFx(() -> node("#key-accents").getAccessibleText()));
        window.screenshot("kiosk-a11y-keyboard-accents.png");
        robot.clickOn("#key-u00f1");
        screen.waitUntil(() -> message().equals("Añ"));
        robot.clickOn("#key-accents");
        screen.waitUntil(() -> screen.visible("#key-o"));
        robot.clickOn("#key-o");
        screen.waitUntil(() -> message().equals("Año"));
        robot.clickOn("#key-backspace");
        screen.waitUntil(() -> message().equals("Añ"));
        robot.clickOn("#key-o");
        screen.waitUntil(() -> message().equals("Año"));
        FxWindow.assertEveryControlIsNamed(stage.getScene().getRoot());

        robot.clickOn("#key-send");
        screen.waitUntil(() -> screen.visible("#guest-line") && screen.visible("#assistant-line"));
        assertEquals("Año", screen.text("#guest-line"));
        assertEquals("", message());

        robot.clickOn("#language-es");
        screen.waitUntil(() -> screen.text("#key-space").equals("Espacio"));
        assertTrue(screen.visible("#key-u00f1"), "ñ is a letter of the Spanish keys");
        assertEquals("Borrar", KioskScreen.onFx(() -> node("#key-backspace").getAccessibleText()));
        window.screenshot("kiosk-a11y-keyboard-es.png");
    }

    @Test
    void theTextSizeGrowsTheWholeScreenAndCutsNothingOff() throws Exception {
        Stage stage = open();
        FxRobot robot = window.robot();
        assertEquals("Text size: normal", screen.text("#text-size"));
        assertEquals(TextSize.NORMAL.pixels(), fontSize("#send"));
        double welcome = fontSize("#welcome");

        robot.clickOn("#text-size");
        screen.waitUntil(() -> screen.text("#text-size").equals("Text size: large"));
        screen.waitUntil(() -> fontSize("#send") == TextSize.LARGE.pixels());
        assertEquals(welcome * TextSize.LARGE.pixels() / TextSize.NORMAL.pixels(), fontSize("#welcome"), 0.5);
        waitFor("nothing cut off at the large size", () -> clipped(stage.getScene()));
        window.screenshot("kiosk-a11y-text-large.png");

        robot.clickOn("#text-size");
        screen.waitUntil(() -> screen.text("#text-size").equals("Text size: extra large"));
        screen.waitUntil(() -> fontSize("#send") == TextSize.EXTRA_LARGE.pixels());
        waitFor("nothing cut off at the largest size", () -> clipped(stage.getScene()));
        window.screenshot("kiosk-a11y-text-extra-large.png");

        // the longest words: Spanish, with the quick replies of a new conversation
        robot.clickOn("#language-es");
        screen.waitUntil(() -> screen.text("#text-size").equals("Tamaño del texto: muy grande"));
        screen.waitUntil(() -> screen.text("#quick-reply-1").equals("Pedir servicio de habitaciones"));
        waitFor("nothing cut off at the largest size in Spanish", () -> clipped(stage.getScene()));
        FxWindow.assertEveryControlIsNamed(stage.getScene().getRoot());
        window.screenshot("kiosk-a11y-text-extra-large-es.png");
        screen.say("¿A qué hora es la salida?");
        screen.waitUntil(() -> screen.visible("#assistant-line"));
        waitFor("nothing cut off with the conversation", () -> clipped(stage.getScene()));
        window.screenshot("kiosk-a11y-text-extra-large-es-reply.png");

        robot.clickOn("#text-size");
        screen.waitUntil(() -> screen.text("#text-size").equals("Tamaño del texto: normal"));
        screen.waitUntil(() -> fontSize("#send") == TextSize.NORMAL.pixels());
    }

    @Test
    void startOverPutsEverySettingBackForTheNextGuest() throws Exception {
        Stage stage = open();
        FxRobot robot = window.robot();
        // one at a time: each moves the buttons, and a click reaches the window maybe after clickOn has returned
        robot.clickOn("#accessibility");
        screen.waitUntil(() -> screen.text("#text-size").equals("Text size: large") && fontSize("#send") == 32);
        robot.clickOn("#text-size");
        screen.waitUntil(() -> screen.text("#text-size").equals("Text size: extra large") && fontSize("#send") == 40);
        robot.clickOn("#keyboard-toggle");
        screen.waitUntil(() -> screen.visible("#keyboard"));
        robot.clickOn("#reach-layout");
        // at the largest text they do not all fit in the lower half, but all are below the conversation
        screen.waitUntil(() -> screen.text("#reach-layout").startsWith("Controls low: on")
                && bounds("#start-over").getMinY() > bounds("#transcript").getMaxY());
        assertEquals(List.of(), KioskScreen.onFx(() -> clipped(stage.getScene())));
        robot.clickOn("#key-shift");
        screen.waitUntil(() -> screen.text("#key-a").equals("A"));
        window.screenshot("kiosk-a11y-everything-on.png");

        robot.clickOn("#start-over");

        screen.waitUntil(() -> screen.text("#accessibility").equals("Accessibility: off"));
        screen.waitUntil(() -> bounds("#start-over").getMaxY() < 400);
        assertEquals("Text size: normal", screen.text("#text-size"));
        screen.waitUntil(() -> fontSize("#send") == TextSize.NORMAL.pixels());
        assertEquals("Controls low: off", screen.text("#reach-layout"));
        assertEquals("Keyboard: off", screen.text("#keyboard-toggle"));
        assertFalse(screen.visible("#keyboard"));
        assertTrue(screen.visible("#quick-replies"));
        robot.clickOn("#keyboard-toggle");
        screen.waitUntil(() -> screen.visible("#keyboard"));
        assertEquals("a", screen.text("#key-a"), "Shift is off again");
        assertEquals("Shift: off", KioskScreen.onFx(() -> node("#key-shift").getAccessibleText()));
        FxWindow.assertEveryControlIsNamed(stage.getScene().getRoot());
        window.screenshot("kiosk-a11y-after-start-over.png");
    }

    private Stage open(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(
                "--server",
                server.uri().toString(),
                "--pair",
                server.pairingCode(),
                "--windowed",
                "--speech-wav-dir",
                said.toString()));
        all.addAll(List.of(args));
        Stage stage = window.open(KioskApp.class, all.toArray(String[]::new));
        screen.waitUntil(() -> screen.visible("#welcome"));
        return stage;
    }

    /** The text file of what espeak-ng said (beside its WAV) that starts with {@code start}, once it is written. */
    private Path spoken(String start) throws Exception {
        List<Path> found = new ArrayList<>();
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                found.clear();
                found.addAll(saidFiles().stream()
                        .filter(file -> read(file).startsWith(start))
                        .toList());
                return !found.isEmpty();
            });
        } catch (TimeoutException e) {
            List<String> all = new ArrayList<>();
            for (Path file : saidFiles()) {
                all.add(file.getFileName() + ": " + read(file));
            }
            throw new AssertionError("nothing said starts with \"" + start + "\"; said: " + all, e);
        }
        return found.get(0);
    }

    private List<Path> saidFiles() throws IOException {
        if (!Files.isDirectory(said)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(said)) {
            return files.filter(file -> file.toString().endsWith(".txt"))
                    .sorted()
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static Path wavBeside(Path text) {
        return text.resolveSibling(text.getFileName().toString().replace(".txt", ".wav"));
    }

    /** The controls a guest touches (buttons, the message field, keys) whose top is in the upper half. */
    private static List<String> above(Scene scene) {
        double half = scene.getHeight() / 2;
        List<String> high = new ArrayList<>();
        for (Control control : controls(scene.getRoot())) {
            if (!(control instanceof Label) && !(control instanceof ScrollPane)) {
                Bounds at = control.localToScene(control.getBoundsInLocal());
                if (at.getMinY() < half) {
                    high.add(control.getId() + " at y=" + Math.round(at.getMinY()));
                }
            }
        }
        return high;
    }

    /**
     * What shows cut off: a label or button whose text shows shorter than it is (with "…"), or a control that reaches
     * past the window's edge (the conversation's lines scroll, and may).
     */
    private static List<String> clipped(Scene scene) {
        List<String> cut = new ArrayList<>();
        for (Control control : controls(scene.getRoot())) {
            Bounds at = control.localToScene(control.getBoundsInLocal());
            boolean outside = at.getMinX() < -0.5
                    || at.getMinY() < -0.5
                    || at.getMaxX() > scene.getWidth() + 0.5
                    || at.getMaxY() > scene.getHeight() + 0.5;
            if (outside && !scrolls(control)) {
                cut.add(control.getId() + " reaches outside the window: " + at);
            }
            if (control instanceof Labeled labeled) {
                Optional<String> shown = labeled.getChildrenUnmodifiable().stream()
                        .filter(Text.class::isInstance)
                        .map(node -> ((Text) node).getText())
                        .findFirst();
                String full = labeled.getText();
                if (full != null
                        && !full.isEmpty()
                        && shown.isPresent()
                        && !shown.get().equals(full)) {
                    cut.add(control.getId() + " shows \"" + shown.get() + "\" of \"" + full + "\"");
                }
            }
        }
        return cut;
    }

    private static boolean scrolls(Node node) {
        for (Node at = node.getParent(); at != null; at = at.getParent()) {
            if (at instanceof ScrollPane) {
                return true;
            }
        }
        return false;
    }

    /** The visible controls, and those inside a scroll pane's content, as FxWindow walks them. */
    private static List<Control> controls(Parent root) {
        List<Control> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<Control> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Control control) {
            found.add(control);
            if (control instanceof ScrollPane scroll && scroll.getContent() != null) {
                collect(scroll.getContent(), found);
            }
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, found);
            }
        }
    }

    private Node node(String query) {
        return window.robot().lookup(query).query();
    }

    private Bounds bounds(String query) {
        Node found = node(query);
        return found.localToScene(found.getBoundsInLocal());
    }

    private double fontSize(String query) throws Exception {
        return KioskScreen.onFx(
                () -> window.robot().lookup(query).queryLabeled().getFont().getSize());
    }

    private String message() throws Exception {
        return KioskScreen.onFx(
                () -> window.robot().lookup("#message").queryAs(TextField.class).getText());
    }

    /** Waits until {@code problems}, read on the FX thread, finds none; else fails with the last it found. */
    private void waitFor(String what, Callable<List<String>> problems) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> KioskScreen.onFx(problems).isEmpty());
        } catch (TimeoutException e) {
            window.screenshot("kiosk-a11y-timed-out.png");
            throw new AssertionError(what + ", but: " + KioskScreen.onFx(problems), e);
        }
    }
}
