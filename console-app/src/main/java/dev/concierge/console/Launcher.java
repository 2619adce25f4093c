package dev.concierge.console;

import javafx.application.Application;
import picocli.CommandLine;

/**
 * Entry point of {@code concierge-console.jar}. It does not extend {@link Application}: a main class that does fails
 * from a fat jar with "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        // picocli answers --help and wrong flags before a window opens; ConsoleApp then reads the same arguments
        int exitCode = new CommandLine(new ConsoleOptions())
                .setExecutionStrategy(parsed -> {
                    if (!CommandLine.printHelpIfRequested(parsed)) {
                        Application.launch(ConsoleApp.class, args);
                    }
                    return CommandLine.ExitCode.OK;
                })
                .execute(args);
        System.exit(exitCode);
    }
}
