package dev.concierge.kiosk;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The kiosk's command line as DESIGN.md gives it: {@code --server URL [--pair CODE] [--windowed]
 * [--idle-seconds N]}, and the accessibility mode's voice: {@code [--speech-command PATH] [--speech-wav-dir DIR]}.
 */
@Command(name = "concierge-kiosk", description = "The Concierge lobby kiosk.")
final class KioskOptions {
    @SuppressWarnings("NullAway.Init") // required: picocli sets it or refuses the command line
    @Option(names = "--server", paramLabel = "URL", required = true, description = "The Concierge server.")
    private URI server;

    @Option(
            names = "--pair",
            paramLabel = "CODE",
            description = "Pair with the server once, using a code shown in the console (DEMO with a --demo server).")
    private @Nullable String pairingCode;

    @Option(names = "--windowed", description = "Run in a window instead of full-screen.")
    private boolean windowed;

    @Option(
            names = "--idle-seconds",
            paramLabel = "N",
            defaultValue = "60",
            description = "Seconds untouched before the countdown that clears a guest's conversation (default 60).")
    private int idleSeconds = 60;

    @Option(
            names = "--speech-command",
            paramLabel = "PATH",
            defaultValue = "espeak-ng",
            description = "The espeak-ng that reads replies aloud in accessibility mode (default espeak-ng).")
    private String speechCommand = "espeak-ng";

    @Option(
            names = "--speech-wav-dir",
            paramLabel = "DIR",
            description =
                    "Write what would be read aloud to NNNN-LANG.wav (and .txt) files here instead of playing it.")
    private @Nullable Path speechWavDirectory;

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
        if (options.idleSeconds < 1) {
            throw new CommandLine.ParameterException(
                    new CommandLine(options), "--idle-seconds must be at least 1, not " + options.idleSeconds);
        }
        return options;
    }

    URI server() {
        return server;
    }

    Optional<String> pairingCode() {
        return Optional.ofNullable(pairingCode);
    }

    Duration idle() {
        return Duration.ofSeconds(idleSeconds);
    }

    boolean windowed() {
        return windowed;
    }

    String speechCommand() {
        return speechCommand;
    }

    Optional<Path> speechWavDirectory() {
        return Optional.ofNullable(speechWavDirectory);
    }
}
