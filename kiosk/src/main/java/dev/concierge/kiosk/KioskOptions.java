package dev.concierge.kiosk;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The kiosk's command line as DESIGN.md gives it: {@code --server URL [--pair CODE] [--windowed]}. */
@Command(name = "concierge-kiosk", description = "The Concierge lobby kiosk.")
final class KioskOptions {
    @SuppressWarnings("NullAway.Init") // required: picocli sets it or refuses the command line
    @Option(names = "--server", paramLabel = "URL", required = true, description = "The Concierge server.")
    private URI server;

    // Pairing comes with the kiosk pairing issue: the kiosk redeems the code once (POST /api/kiosk/pair), keeps
    // the device token in its own settings, and pairs by itself with a --demo server. Until then it is only read.
    @Option(
            names = "--pair",
            paramLabel = "CODE",
            description = "Pair with the server using a code shown in the console.")
    private @Nullable String pairingCode;

    @Option(names = "--windowed", description = "Run in a window instead of full-screen.")
    private boolean windowed;

    @SuppressWarnings("UnusedVariable") // picocli reads it
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    /** Parses arguments that {@link Launcher} has already checked. */
    static KioskOptions parse(List<String> args) {
        KioskOptions options = new KioskOptions();
        new CommandLine(options).parseArgs(args.toArray(String[]::new));
        return options;
    }

    URI server() {
        return server;
    }

    Optional<String> pairingCode() {
        return Optional.ofNullable(pairingCode);
    }

    boolean windowed() {
        return windowed;
    }
}
