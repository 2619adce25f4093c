package dev.concierge.console;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The console's command line as DESIGN.md gives it: {@code [--server URL] [--data DIR] [--port N] [--demo]}, and {@code [--lang en|es]}. */
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

    @Option(
            names = "--lang",
            paramLabel = "en|es",
            converter = LanguageConverter.class,
            description = "The console's language, en or es (default: the last one chosen on this PC, else the"
                    + " system's when it is Spanish, else English).")
    private @Nullable UiLanguage language;

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

    /** The language {@code --lang} asked for; empty without it. */
    Optional<UiLanguage> language() {
        return Optional.ofNullable(language);
    }

    static final class LanguageConverter implements CommandLine.ITypeConverter<UiLanguage> {
        @Override
        public UiLanguage convert(String value) {
            return UiLanguage.of(value)
                    .orElseThrow(() -> new CommandLine.TypeConversionException("expected en or es, not " + value));
        }
    }
}
