package dev.concierge.console;

import dev.concierge.api.ApiClient;
import dev.concierge.app.ConciergeServer;
import dev.concierge.app.ServerSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A real server for a window test: in this JVM, on a free port, over H2 in a temp dir, with the demo venue and demo
 * staff accounts, its clock frozen at {@link #NOW} (the console reads the day from it, {@code GET /api/venue}).
 */
public final class ConsoleTestServer implements AutoCloseable {
    public static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 10, 9, 0);

    private final ConciergeServer server;
    private final List<Connection.DemoAccount> accounts;

    private ConsoleTestServer(ConciergeServer server, List<Connection.DemoAccount> accounts) {
        this.server = server;
        this.accounts = accounts;
    }

    public static ConsoleTestServer start(Path dataDir) {
        return start(dataDir, 0, NOW, List.of());
    }

    /** A server as {@link #start(Path)} makes it, with integration settings such as a fake Google's. */
    public static ConsoleTestServer start(Path dataDir, java.util.Map<String, String> environment) {
        return start(
                ServerSettings.defaults(dataDir)
                        .withPort(0)
                        .withDemo(true)
                        .withFrozenNow(NOW)
                        .withEnvironment(environment),
                List.of());
    }

    /**
     * A server frozen at {@code now}; a restart on the same {@code dataDir} prints no accounts, so it takes those of
     * the first start.
     */
    public static ConsoleTestServer start(
            Path dataDir, int port, LocalDateTime now, List<Connection.DemoAccount> knownAccounts) {
        return start(
                ServerSettings.defaults(dataDir).withPort(port).withDemo(true).withFrozenNow(now), knownAccounts);
    }

    /** A demo server with these environment values (integration keys and URLs, e.g. {@code N8N_WEBHOOK_URL}). */
    public static ConsoleTestServer withEnvironment(Path dataDir, Map<String, String> environment) {
        return start(
                ServerSettings.defaults(dataDir)
                        .withPort(0)
                        .withDemo(true)
                        .withFrozenNow(NOW)
                        .withEnvironment(environment),
                List.of());
    }

    /**
     * A first run: no {@code --demo}, so no staff account at all; the demo venue comes from its venue file (a server
     * without a venue answers {@code GET /api/venue} with a 404, and the console needs it after the sign-in).
     */
    public static ConsoleTestServer withoutAccounts(Path dataDir) throws IOException {
        Path venue = dataDir.resolveSibling("venue.yaml");
        try (InputStream demo = ConciergeServer.class.getResourceAsStream("/demo/venue.yaml")) {
            Files.copy(Objects.requireNonNull(demo, "the demo venue file"), venue, StandardCopyOption.REPLACE_EXISTING);
        }
        return start(
                ServerSettings.defaults(dataDir)
                        .withPort(0)
                        .withVenueFile(venue)
                        .withFrozenNow(NOW),
                List.of());
    }

    /** A first run from nothing: no accounts and no venue either ({@code GET /api/setup} says {@code venueNeeded}). */
    public static ConsoleTestServer withoutVenue(Path dataDir) {
        return start(ServerSettings.defaults(dataDir).withPort(0).withFrozenNow(NOW), List.of());
    }

    /** The demo server on {@code dataDir} again with the real clock (its clock check runs, as on the appliance). */
    public static ConsoleTestServer unfrozen(Path dataDir, List<Connection.DemoAccount> knownAccounts) {
        return start(ServerSettings.defaults(dataDir).withPort(0).withDemo(true), knownAccounts);
    }

    private static ConsoleTestServer start(ServerSettings settings, List<Connection.DemoAccount> knownAccounts) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ConciergeServer server =
                ConciergeServer.start(settings, new PrintStream(printed, true, StandardCharsets.UTF_8));
        List<Connection.DemoAccount> printedAccounts =
                InProcessServer.demoAccounts(printed.toString(StandardCharsets.UTF_8));
        return new ConsoleTestServer(server, printedAccounts.isEmpty() ? knownAccounts : printedAccounts);
    }

    public URI uri() {
        return server.uri();
    }

    /** The code the server printed for its first run; gone once the owner exists. */
    public String setupCode() {
        return server.setupCode().orElseThrow(() -> new AssertionError("the server needs no setup"));
    }

    public List<Connection.DemoAccount> accounts() {
        return accounts;
    }

    public Connection.DemoAccount account(String role) {
        return accounts.stream()
                .filter(account -> account.role().equals(role))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no demo account " + role));
    }

    /** A client signed in as the demo account with {@code role}, to set up and check data over HTTP. */
    public ApiClient client(String role) {
        Connection.DemoAccount account = account(role);
        ApiClient anonymous = ApiClient.of(uri());
        return anonymous.withStaffToken(
                anonymous.login(account.email(), account.password()).token());
    }

    @Override
    public void close() {
        server.close();
    }
}
