package dev.concierge.kiosk;

import dev.concierge.api.ApiClient;
import dev.concierge.api.KioskPairingCode;
import dev.concierge.api.KioskRequest;
import dev.concierge.app.ConciergeServer;
import dev.concierge.app.ServerSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A real demo server for a kiosk window test: in this JVM, over H2 in a temp dir, its clock frozen at {@link #NOW}. */
final class KioskTestServer implements AutoCloseable {
    static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 10, 9, 0);

    private final ConciergeServer server;
    private final String printed;

    private KioskTestServer(ConciergeServer server, String printed) {
        this.server = server;
        this.printed = printed;
    }

    /** @param port 0 for a free one; a restart gives the same port and data dir again */
    static KioskTestServer start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /** @param environment the server's environment variables (e.g. a local Stripe) */
    static KioskTestServer start(Path dataDir, int port, Map<String, String> environment) {
        return start(dataDir, port, environment, null);
    }

    /** @param venueFile the venue instead of the demo's (its demo accounts are made all the same) */
    static KioskTestServer start(Path dataDir, int port, Map<String, String> environment, @Nullable Path venueFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServerSettings settings = ServerSettings.defaults(dataDir)
                .withPort(port)
                .withDemo(true)
                .withFrozenNow(NOW)
                .withEnvironment(environment);
        ConciergeServer server = ConciergeServer.start(
                venueFile == null ? settings : settings.withVenueFile(venueFile),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new KioskTestServer(server, out.toString(StandardCharsets.UTF_8));
    }

    URI uri() {
        return server.uri();
    }

    /** A client signed in as the demo account with {@code role} (the first start prints them). */
    ApiClient staff(String role) {
        for (String line : printed.split("\\R")) {
            String[] words = line.strip().split("\\s+");
            if (words.length == 3 && words[0].equals(role) && words[1].contains("@")) {
                ApiClient anonymous = ApiClient.of(uri());
                return anonymous.withStaffToken(
                        anonymous.login(words[1], words[2]).token());
            }
        }
        throw new AssertionError("no demo account " + role);
    }

    /** A pairing code as a manager makes it in the console. */
    String pairingCode() {
        return pairingCode(null);
    }

    /** A pairing code for a kiosk with this card reader beside it. */
    String pairingCode(@Nullable String readerId) {
        return staff("manager")
                .post("/api/staff/kiosks", new KioskRequest("Lobby", readerId), KioskPairingCode.class)
                .code();
    }

    @Override
    public void close() {
        server.close();
    }
}
