package dev.concierge.kiosk;

import javafx.application.Application;
import picocli.CommandLine;

/**
 * Entry point of {@code concierge-kiosk.jar}. It does not extend {@link Application}: a main class that does fails
 * from a fat jar with "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        // picocli answers --help and wrong flags (or a missing --server) before a window opens;
        // KioskApp then reads the same arguments
        int exitCode = new CommandLine(new KioskOptions())
                .setExecutionStrategy(parsed -> {
                    if (!CommandLine.printHelpIfRequested(parsed)) {
                        Application.launch(KioskApp.class, args);
                    }
                    return CommandLine.ExitCode.OK;
                })
                .execute(args);
        System.exit(exitCode);
    }
}
