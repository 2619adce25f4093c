package dev.concierge.console;

import dev.concierge.api.SetupStatus;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The server the console talks to, once it answers: started in this process or found on the LAN.
 *
 * @param demoAccounts the demo staff accounts an in-process {@code --demo} server printed at its first start (empty
 *     otherwise); held in memory for the sign-in hint, never written anywhere
 * @param ownerNeeded the server has no staff accounts yet ({@code GET /api/setup}): a first run creates the owner
 * @param venueNeeded the server has no venue yet either ({@code venueNeeded}): the first run asks for it first
 * @param setupCode the setup code of a server started in this process while it has no accounts; null for a server
 *     on the LAN, whose code is printed where it started (the person types it)
 */
public record Connection(
        URI server,
        List<DemoAccount> demoAccounts,
        boolean ownerNeeded,
        boolean venueNeeded,
        @Nullable String setupCode) {
    public Connection {
        demoAccounts = List.copyOf(demoAccounts);
    }

    /** A server that has its venue. */
    public Connection(URI server, List<DemoAccount> demoAccounts, boolean ownerNeeded, @Nullable String setupCode) {
        this(server, demoAccounts, ownerNeeded, false, setupCode);
    }

    /** A server that has its accounts. */
    public Connection(URI server, List<DemoAccount> demoAccounts) {
        this(server, demoAccounts, false, false, null);
    }

    /** This connection, with what {@code GET /api/setup} said. */
    public Connection withOwnerNeeded(boolean needed) {
        return new Connection(server, demoAccounts, needed, venueNeeded, setupCode);
    }

    /** This connection, with the whole of what {@code GET /api/setup} said. */
    public Connection withSetup(SetupStatus status) {
        return new Connection(server, demoAccounts, status.needed(), status.venueNeeded(), setupCode);
    }

    /** One demo account as the server printed it: {@code role email password}. */
    public record DemoAccount(String role, String email, String password) {}
}
