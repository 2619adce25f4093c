package dev.concierge.console;

import dev.concierge.app.ConciergeServer;
import dev.concierge.app.ServerSettings;
import dev.concierge.console.Connection.DemoAccount;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The server started inside the console's process, as on the appliance PC. This is the one class of the console that
 * knows the server module, and it uses only {@link ConciergeServer#start}, {@code uri}, {@code setupCode} (a first
 * run needs no copying of the printed code) and {@code close} ({@code ConsoleArchitectureTest}); everything else goes
 * over HTTP like a second desk's.
 */
final class InProcessServer implements AutoCloseable {
    private static final Set<String> ROLES = Set.of("owner", "manager", "front_desk");

    private final ConciergeServer server;
    private final Connection connection;

    private InProcessServer(ConciergeServer server, Connection connection) {
        this.server = server;
        this.connection = connection;
    }

    /**
     * Starts the server on {@code dataDir} and {@code port}; it blocks for seconds, so never on the FX thread.
     * {@code environment} carries the server's own settings ({@code CONCIERGE_NOW}, {@code CONCIERGE_OWNER_*},
     * integration keys).
     */
    static InProcessServer start(Path dataDir, int port, boolean demo, Map<String, String> environment) {
        ServerSettings settings = ServerSettings.defaults(dataDir)
                .withPort(port)
                .withDemo(demo)
                .withFrozenNow(frozenNow(environment))
                .withOwner(environment.get("CONCIERGE_OWNER_EMAIL"), environment.get("CONCIERGE_OWNER_PASSWORD"))
                .withEnvironment(environment);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ConciergeServer server =
                ConciergeServer.start(settings, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String notices = printed.toString(StandardCharsets.UTF_8);
        // the person who started the console from a terminal sees what the server has to say, as with the server jar
        System.out.print(notices);
        return new InProcessServer(
                server,
                new Connection(
                        server.uri(),
                        demoAccounts(notices),
                        false,
                        server.setupCode().orElse(null)));
    }

    /** {@code CONCIERGE_NOW} as the server jar reads it; a value that is not a local date-time stops the start. */
    static @Nullable LocalDateTime frozenNow(Map<String, String> environment) {
        String now = environment.get("CONCIERGE_NOW");
        if (now == null || now.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(now.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "CONCIERGE_NOW must be a local date-time like 2026-03-10T09:00, not " + now, e);
        }
    }

    /** The lines {@code role email password} a {@code --demo} first start prints. */
    static List<DemoAccount> demoAccounts(String notices) {
        List<DemoAccount> accounts = new ArrayList<>();
        for (String line : notices.split("\\R")) {
            String[] words = line.strip().split("\\s+");
            if (words.length == 3 && ROLES.contains(words[0]) && words[1].contains("@")) {
                accounts.add(new DemoAccount(words[0], words[1], words[2]));
            }
        }
        return accounts;
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        server.close();
    }
}
