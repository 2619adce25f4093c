package dev.concierge.testing.fx;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A real application window opened the way its jar opens it, for one test: {@link #open}, look and click through
 * {@link #robot()}, {@link #screenshot} it, {@link #close()} it in {@code @AfterEach}.
 */
public final class FxWindow {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final FxRobot robot = new FxRobot();
    private @Nullable Stage stage;
    private @Nullable Application app;

    /** Starts {@code application} with command-line {@code args} on the primary stage and answers that stage. */
    public Stage open(Class<? extends Application> application, String... args) throws TimeoutException {
        Stage primary = FxToolkit.registerPrimaryStage();
        stage = primary;
        app = FxToolkit.setupApplication(application, args);
        return primary;
    }

    public FxRobot robot() {
        return robot;
    }

    /** Closes the window; when the toolkit never started there is nothing to close (and waiting would hang). */
    public void close() throws TimeoutException {
        if (stage == null) {
            return;
        }
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    /** Saves the window's scene as {@code target/screenshots/name}, for a person to look at. */
    public Path screenshot(String name) throws IOException {
        if (stage == null) {
            throw new IllegalStateException("no window is open");
        }
        return save(robot.capture(stage.getScene().getRoot()).getImage(), name);
    }

    /** TestFX 4.0.18's {@code Capture} cannot save, and javafx-swing is not on the class path: write it by hand. */
    private static Path save(Image image, String name) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, argb, 0, width);
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name);
        ImageIO.write(png, "png", file.toFile());
        return file;
    }

    /**
     * Tests and screen readers find each control by its id and accessible text; a separator is only decoration. The
     * parts a control's skin is made of (a table's cells and scroll bars, a combo box's button) are the control's own
     * and not checked; what a container control holds (a scroll pane's content, a split pane's items) is. A chart is
     * named as a control is, and its axes, legend and labels are its own parts. A hidden node (an empty message, a
     * closed confirmation) is reached by nobody until it shows.
     */
    public static void assertEveryControlIsNamed(Parent parent) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            assertNamed(child);
        }
    }

    private static void assertNamed(Node node) {
        if (!node.isVisible()) {
            return;
        }
        if ((node instanceof Control && !(node instanceof Separator)) || node instanceof Chart) {
            String id = node.getId();
            String text = node.getAccessibleText();
            assertFalse(id == null || id.isBlank(), () -> "no id: " + node);
            assertFalse(text == null || text.isBlank(), () -> "no accessible text: " + node);
        }
        for (Node part : heldBy(node)) {
            assertNamed(part);
        }
    }

    private static List<Node> heldBy(Node node) {
        if (node instanceof ScrollPane scroll) {
            return scroll.getContent() == null ? List.of() : List.of(scroll.getContent());
        }
        if (node instanceof SplitPane split) {
            return split.getItems();
        }
        if (node instanceof TitledPane titled) {
            return titled.getContent() == null ? List.of() : List.of(titled.getContent());
        }
        if (node instanceof ToolBar bar) {
            return bar.getItems();
        }
        if (node instanceof Control || node instanceof Chart) {
            return List.of();
        }
        return node instanceof Parent parent ? parent.getChildrenUnmodifiable() : List.of();
    }
}
