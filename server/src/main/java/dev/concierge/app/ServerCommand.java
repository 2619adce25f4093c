package dev.concierge.app;

import dev.concierge.backup.BackupCommands;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The command line of {@code concierge-server.jar}: every flag also reads its environment variable. */
@Command(
        name = "concierge-server",
        mixinStandardHelpOptions = true,
        versionProvider = ServerCommand.VersionProvider.class,
        description = "Runs the Concierge server: the HTTP API, the widget and the database of one venue.")
public final class ServerCommand implements Callable<Integer> {
    @Spec
    @Nullable
    CommandSpec spec;

    /** The integration settings the server honours by their conventional names (DESIGN.md). */
    static final List<String> INTEGRATION_VARIABLES = List.of(
            "OPENAI_API_KEY",
            "OPENAI_BASE_URL",
            "OPENAI_MODEL",
            "STRIPE_SECRET_KEY",
            "STRIPE_WEBHOOK_SECRET",
            "STRIPE_API_BASE",
            "STRIPE_TERMINAL_READER_ID",
            "GOOGLE_SERVICE_ACCOUNT_KEY",
            "GOOGLE_CALENDAR_ID",
            "GOOGLE_SHEETS_ID",
            "GOOGLE_API_ROOT_URL",
            "N8N_WEBHOOK_URL",
            "N8N_WEBHOOK_SECRET",
            "HEYGEN_API_KEY",
            "HEYGEN_API_BASE",
            "CORS_ORIGIN",
            "RATE_LIMIT_WINDOW_MS",
            "RATE_LIMIT_MAX_REQUESTS",
            "RATE_LIMIT_CONVERSATION_MESSAGES",
            "OUTBOX_RETRY_BASE_MS",
            "CONCIERGE_DB_POOL_SIZE",
            "CONCIERGE_SECRET_KEY",
            "CONCIERGE_LOG_MAX_FILE_SIZE",
            "CONCIERGE_LOG_MAX_DAYS",
            "CONCIERGE_LOG_TOTAL_SIZE");

    private static final Map<String, String> ENVIRONMENT_OF_FLAG = Map.of(
            "--port", "PORT",
            "--data", "CONCIERGE_DATA",
            "--venue", "CONCIERGE_VENUE",
            "--db", "CONCIERGE_DB_URL");

    @Option(names = "--port", defaultValue = "7070", description = "HTTP port (env PORT, default 7070).")
    int port;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "./concierge-data",
            description = "Data directory (env CONCIERGE_DATA, default ./concierge-data).")
    Path dataDir = Path.of("concierge-data");

    @Option(
            names = "--venue",
            paramLabel = "FILE",
            description = "Venue file to import (or update) at start (env CONCIERGE_VENUE).")
    @Nullable
    Path venueFile;

    @Option(names = "--demo", description = "Bundled demo venue and demo staff accounts when the database is empty.")
    boolean demo;

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            description = "PostgreSQL JDBC URL instead of the embedded H2 (env CONCIERGE_DB_URL).")
    @Nullable
    String dbUrl;

    private final Map<String, String> env;
    private final ServerLauncher launcher;

    /** Something that starts a server from settings; the real one blocks until shutdown. */
    public interface ServerLauncher {
        int launch(ServerSettings settings) throws Exception;
    }

    public ServerCommand(Map<String, String> env, ServerLauncher launcher) {
        this.env = env;
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
        return launcher.launch(settings());
    }

    @Command(
            name = "backup",
            mixinStandardHelpOptions = true,
            description = "Writes a consistent backup of a data directory to FILE, also while its server runs.")
    int backup(
            @Option(
                            names = "--data",
                            paramLabel = "DIR",
                            defaultValue = "./concierge-data",
                            description = "Data directory (env CONCIERGE_DATA, default ./concierge-data).")
                    Path data,
            @Option(names = "--to", paramLabel = "FILE", required = true, description = "The backup file to write.")
                    Path to) {
        BackupCommands.backUp(data, to, Version.current(), Clock.systemUTC(), out());
        return 0;
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = "Restores a backup into a new or empty data directory.")
    int restore(
            @Option(
                            names = "--data",
                            paramLabel = "DIR",
                            required = true,
                            description = "The new or empty data directory to restore into.")
                    Path data,
            @Option(names = "--from", paramLabel = "FILE", required = true, description = "The backup file.")
                    Path from) {
        BackupCommands.restore(from, data, out());
        return 0;
    }

    private PrintWriter out() {
        return spec == null
                ? new PrintWriter(System.out, true)
                : spec.commandLine().getOut();
    }

    ServerSettings settings() {
        Map<String, String> integrations = new HashMap<>();
        for (String name : INTEGRATION_VARIABLES) {
            String value = env.get(name);
            if (value != null) {
                integrations.put(name, value);
            }
        }
        return new ServerSettings(
                port,
                dataDir,
                venueFile,
                demo,
                blankToNull(dbUrl),
                blankToNull(env.get("CONCIERGE_DB_USER")),
                blankToNull(env.get("CONCIERGE_DB_PASSWORD")),
                frozenNow(env.get("CONCIERGE_NOW")),
                blankToNull(env.get("CONCIERGE_OWNER_EMAIL")),
                blankToNull(env.get("CONCIERGE_OWNER_PASSWORD")),
                integrations);
    }

    private static @Nullable LocalDateTime frozenNow(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "CONCIERGE_NOW must be a local date-time like 2026-03-10T09:00, not \"" + value + "\"", e);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Runs the command line and answers the process exit code. */
    public static int run(String[] args, Map<String, String> env, ServerLauncher launcher) {
        return run(args, env, launcher, null);
    }

    /** As {@link #run(String[], Map, ServerLauncher)}, printing what the command says and its errors to {@code out}. */
    public static int run(String[] args, Map<String, String> env, ServerLauncher launcher, @Nullable PrintWriter out) {
        CommandLine commandLine = new CommandLine(new ServerCommand(env, launcher));
        if (out != null) {
            commandLine.setOut(out);
            commandLine.setErr(out);
        }
        // each flag falls back to its environment variable, read from the given map (tests pass their own)
        commandLine.setDefaultValueProvider(option -> {
            if (option instanceof CommandLine.Model.OptionSpec spec) {
                String variable = ENVIRONMENT_OF_FLAG.get(spec.longestName());
                String value = variable == null ? null : env.get(variable);
                if (value != null && !value.isBlank()) {
                    return value.trim();
                }
            }
            return option.defaultValue();
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("concierge-server: " + ex.getMessage());
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return commandLine.execute(args);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Concierge " + Version.current()};
        }
    }
}
