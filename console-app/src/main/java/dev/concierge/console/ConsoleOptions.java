package dev.concierge.console;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The console's command line as DESIGN.md gives it: {@code [--server URL] [--data DIR] [--port N] [--demo]}. */
@Command(name = "concierge-console", description = "The Concierge staff console for the front desk.")
final class ConsoleOptions {
    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "Connect to a running server, e.g. from a second desk on the LAN, instead of starting one"
                    + " in this process.")
    private @Nullable URI server;

    // Without --server the console starts the server in this process with these three.
    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data directory of the in-process server (default: ${DEFAULT-VALUE}).")
    private Path data = Path.of("concierge-data");

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "Port of the in-process server (default: ${DEFAULT-VALUE}).")
    private int port = 7070;

    @Option(names = "--demo", description = "Give the in-process server the demo venue and demo staff accounts.")
    private boolean demo;

    @SuppressWarnings("UnusedVariable") // picocli reads it
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    /** Parses arguments that {@link Launcher} has already checked. */
    static ConsoleOptions parse(List<String> args) {
        ConsoleOptions options = new ConsoleOptions();
        new CommandLine(options).parseArgs(args.toArray(String[]::new));
        return options;
    }

    /** The running server to connect to; empty when the console starts its own. */
    Optional<URI> server() {
        return Optional.ofNullable(server);
    }

    Path data() {
        return data;
    }

    int port() {
        return port;
    }

    boolean demo() {
        return demo;
    }
}
