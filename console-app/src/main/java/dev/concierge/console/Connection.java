package dev.concierge.console;

import java.net.URI;
import java.util.List;

/**
 * The server the console talks to, once it answers: started in this process or found on the LAN.
 *
 * @param demoAccounts the demo staff accounts an in-process {@code --demo} server printed at its first start (empty
 *     otherwise); held in memory for the sign-in hint, never written anywhere
 */
public record Connection(URI server, List<DemoAccount> demoAccounts) {
    public Connection {
        demoAccounts = List.copyOf(demoAccounts);
    }

    /** One demo account as the server printed it: {@code role email password}. */
    public record DemoAccount(String role, String email, String password) {}
}
