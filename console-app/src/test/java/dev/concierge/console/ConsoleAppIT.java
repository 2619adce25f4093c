package dev.concierge.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiClient;
import dev.concierge.console.Connection.DemoAccount;
import dev.concierge.testing.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Opens the real console window (under Xvfb) through {@link ConsoleApp}, as the jar does. */
class ConsoleAppIT {
    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    @Test
    void namesTheServerItCannotReach() throws Exception {
        String server = "http://127.0.0.1:" + Ports.closed();
        ConsoleWindow console = windows.open(temp.resolve("settings"), "--server", server);

        console.waitUntil("the reason", () -> !console.text("#sign-in-problem").isEmpty());

        assertEquals("Cannot reach " + server + ". Is it running?", console.text("#sign-in-problem"));
        assertTrue(console.find("#sign-in", Button.class).isDisabled());
        assertTrue(console.find("#email", Node.class).isDisabled());
        assertEquals("Concierge", console.text("#product-name"));
        assertEquals("Concierge — Front desk", console.stage().getTitle());
        console.assertEveryControlIsNamed();
        console.screenshot("console-unreachable-server.png");
    }

    @Test
    void startsTheServerInItsOwnProcessSignsInADemoUserAndStopsTheServerWithTheWindow() throws Exception {
        int port = Ports.closed();
        ConsoleWindow console = windows.open(
                temp.resolve("settings"),
                "--demo",
                "--data",
                temp.resolve("data").toString(),
                "--port",
                "" + port);

        // starting the server takes seconds (a new H2 database, the demo venue, hashing demo passwords)
        assertEquals("Starting the server…", console.text("#sign-in-progress"));
        console.screenshot("sign-in-starting.png");
        console.waitUntil("the demo accounts", () -> console.showing("#demo-accounts"));
        assertEquals("Server: http://localhost:" + port, console.text("#sign-in-server"));
        DemoAccount desk = demoAccount(console.text("#demo-accounts"), "front desk");
        console.assertEveryControlIsNamed();
        console.screenshot("sign-in-demo.png");

        console.signIn(desk.email(), desk.password());
        console.waitForShell();
        assertEquals("front desk · " + desk.email(), console.text("#user-role"));
        assertEquals("Hotel Miramar", console.text("#venue-name"));
        console.waitUntil(
                "the server's health", () -> console.text("#server-status").startsWith("Server ok"));

        windows.closeOpen();
        ApiClient client = ApiClient.of(URI.create("http://localhost:" + port));
        assertThrows(UncheckedIOException.class, client::health, "the window took the server with it");
    }

    @Test
    void remembersTheEmailAfterARestartButWritesNoPasswordAnywhere() throws Exception {
        Path settings = temp.resolve("settings");
        try (ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"))) {
            DemoAccount manager = server.account("manager");
            ConsoleWindow first =
                    windows.open(settings, "--server", server.uri().toString());
            first.signIn(manager.email(), manager.password());
            first.waitForShell();
            windows.closeOpen();

            ConsoleWindow console =
                    windows.open(settings, "--server", server.uri().toString());
            console.waitUntil(
                    "the sign-in form",
                    () -> !console.find("#email", Node.class).isDisabled());
            assertEquals(manager.email(), console.text("#email"));
            console.waitUntil(
                    "the password field focused",
                    () -> console.find("#password", Node.class).isFocused());
            assertEquals("", console.text("#password"));
            console.screenshot("sign-in-remembered.png");

            for (Path file : files(settings)) {
                String content = Files.readString(file);
                assertFalse(content.contains(manager.password()), file + " holds the password");
            }
            assertEquals(1, files(settings).size());
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** The hint's line "front desk: desk@… / password". */
    private static DemoAccount demoAccount(String hint, String role) {
        return hint.lines()
                .filter(line -> line.startsWith(role + ": "))
                .map(line -> line.substring(role.length() + 2).split(" / "))
                .map(words -> new DemoAccount(role, words[0], words[1]))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + role + " in " + hint));
    }
}
