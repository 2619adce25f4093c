package dev.concierge.console.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.console.Connection.DemoAccount;
import dev.concierge.console.ConsoleTestServer;
import dev.concierge.console.ConsoleWindow;
import dev.concierge.console.ConsoleWindows;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose clock was set back: records stored two hours ahead of it make its health warn, and the console shows
 * the warning over every screen, in the console's language.
 */
class ClockWarningIT {
    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    @Test
    void aServerClockBehindItsRecordsShowsABannerOverTheScreens() throws Exception {
        Path data = temp.resolve("data");
        List<DemoAccount> accounts;
        // the first start runs two hours ahead (its sign-in is stored then), as a clock set back afterwards leaves it
        try (ConsoleTestServer ahead = ConsoleTestServer.start(
                data, 0, LocalDateTime.now(ZoneId.of("Europe/Madrid")).plusHours(2), List.of())) {
            accounts = ahead.accounts();
            ahead.client("owner");
        }
        try (ConsoleTestServer server = ConsoleTestServer.unfrozen(data, accounts)) {
            DemoAccount account = server.account("front_desk");
            ConsoleWindow console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());
            console.signIn(account.email(), account.password());
            console.waitForShell();

            console.waitUntil("the clock's banner", () -> console.showing("#clock-warning"));
            String warning = console.text("#clock-warning");
            assertTrue(warning.startsWith("The server’s clock looks wrong: it is 1"), warning);
            assertTrue(warning.contains("minutes behind the newest record"), warning);
            console.assertEveryControlIsNamed();
            console.screenshot("clock-warning.png");
        }
    }
}
