package dev.concierge.console;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Opens console windows for a test ({@code @RegisterExtension}) and closes the one still open after it. */
public final class ConsoleWindows implements AfterEachCallback {
    private @Nullable ConsoleWindow open;

    /** Opens a console window; one still open from this test is closed first. */
    public ConsoleWindow open(Path settingsDir, String... args) throws TimeoutException {
        closeOpen();
        ConsoleWindow window = ConsoleWindow.open(settingsDir, args);
        open = window;
        return window;
    }

    /** Closes the window, as a person closing it would (the console then stops its in-process server). */
    public void closeOpen() throws TimeoutException {
        ConsoleWindow window = open;
        open = null;
        if (window != null) {
            window.close();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws TimeoutException {
        closeOpen();
    }
}
