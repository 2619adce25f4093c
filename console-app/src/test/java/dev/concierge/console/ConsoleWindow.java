package dev.concierge.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.testing.fx.FxWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real console window for one test, opened as the jar opens it, with its settings in a temp dir. */
public final class ConsoleWindow implements AutoCloseable {
    private static final long WAIT_SECONDS = 30;

    private final FxWindow window = new FxWindow();
    private final Stage stage;

    private ConsoleWindow(Path settingsDir, String... args) throws TimeoutException {
        // the console reads its settings directory from this property (RememberedEmail.settingsDir)
        System.setProperty("concierge.console.settings", settingsDir.toString());
        stage = window.open(ConsoleApp.class, args);
    }

    public static ConsoleWindow open(Path settingsDir, String... args) throws TimeoutException {
        return new ConsoleWindow(settingsDir, args);
    }

    public Stage stage() {
        return stage;
    }

    public FxRobot robot() {
        return window.robot();
    }

    /** The node {@code query} finds, once it is in the window (a screen's parts come with its first layout). */
    public <T extends Node> T find(String query, Class<T> type) {
        if (!Platform.isFxApplicationThread()) {
            waitUntil(query, () -> robot().lookup(query).tryQuery().isPresent());
        }
        return robot().lookup(query).queryAs(type);
    }

    /** The text of a label, button or field, read on the FX thread. */
    public String text(String query) {
        Node node = find(query, Node.class);
        return onFx(() -> node instanceof Labeled labeled
                ? labeled.getText()
                : node instanceof TextInputControl input ? input.getText() : node.toString());
    }

    public boolean showing(String query) {
        return robot().lookup(query)
                .tryQuery()
                .map(node -> onFx(() -> node.isVisible() && node.getScene() != null))
                .orElse(false);
    }

    public <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes something on the FX thread and waits until it is done. */
    public void change(Runnable change) {
        onFx(() -> {
            change.run();
            return true;
        });
    }

    /** Waits until {@code condition} holds (checked on the FX thread), or fails naming {@code what}. */
    public void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + WAIT_SECONDS + " s for " + what, e);
        }
    }

    /**
     * Clicks the first row of the list {@code list} that shows an item, once the list has drawn one: its items may
     * be there before its cells are.
     */
    public void clickFirstRow(String list) {
        waitUntil("a row of " + list, () -> firstRow(list) != null);
        robot().clickOn(onFx(() -> firstRow(list)));
    }

    private @org.jspecify.annotations.Nullable Node firstRow(String list) {
        return robot().lookup(list + " .list-cell").queryAll().stream()
                .filter(cell -> cell instanceof javafx.scene.control.IndexedCell<?> row
                        && !row.isEmpty()
                        && row.getIndex() == 0)
                .findFirst()
                .orElse(null);
    }

    /** Waits for the sign-in form, types the e-mail and password, and presses Enter in the password field. */
    public void signIn(String email, String password) {
        waitUntil("the sign-in form", () -> !find("#email", Node.class).isDisabled());
        robot().clickOn("#email");
        change(() -> find("#email", TextInputControl.class).clear());
        robot().write(email);
        robot().clickOn("#password");
        robot().write(password);
        robot().type(KeyCode.ENTER);
    }

    public void waitForShell() {
        waitUntil("the shell after sign-in", () -> showing("#shell"));
    }

    /** Saves the window under target/screenshots for a person to look at. */
    public Path screenshot(String name) throws IOException {
        Path png = window.screenshot(name);
        assertTrue(Files.size(png) > 0);
        return png;
    }

    public void assertEveryControlIsNamed() {
        change(() -> FxWindow.assertEveryControlIsNamed(stage.getScene().getRoot()));
    }

    @Override
    public void close() throws TimeoutException {
        window.close();
    }
}
