package dev.concierge.console;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The console's command line as DESIGN.md gives it: {@code [--server URL] [--data DIR] [--port N] [--demo]}. */
@Command(name = "concierge-console", description = "The Concierge staff console for the front desk.")
final class ConsoleOptions {
    static final URI DEFAULT_SERVER = URI.create("http://localhost:7070");

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "Connect to a running server, e.g. from a second desk on the LAN (for now the default is"
                    + " http://localhost:7070).")
    private @Nullable URI server;

    // Without --server the console is to start the server in-process with these three; that comes with the
    // console issue. Until then they are accepted and the console talks to DEFAULT_SERVER.
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

    /** The server the console talks to. */
    URI server() {
        return server != null ? server : DEFAULT_SERVER;
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
