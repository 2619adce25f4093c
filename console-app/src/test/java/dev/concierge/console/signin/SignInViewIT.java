package dev.concierge.console.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.concierge.console.Connection.DemoAccount;
import dev.concierge.console.ConsoleTestServer;
import dev.concierge.console.ConsoleWindow;
import dev.concierge.console.ConsoleWindows;
import dev.concierge.testing.Ports;
import java.nio.file.Path;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in against a real server: a wrong password, a logout, a session the server ended. */
class SignInViewIT {
    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    @Test
    void aWrongPasswordSaysSoAndStaysOnSignIn() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"))) {
            DemoAccount desk = server.account("front_desk");
            ConsoleWindow console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());

            console.signIn(desk.email(), desk.password() + "-wrong");
            console.waitUntil("the error", () -> console.showing("#sign-in-problem"));

            assertEquals(
                    "That e-mail and password do not match. Check them and try again.",
                    console.text("#sign-in-problem"));
            assertFalse(console.showing("#shell"));
            assertEquals("", console.text("#password"), "the wrong password is not kept for another try");
            console.assertEveryControlIsNamed();
            console.screenshot("sign-in-wrong-password.png");

            console.change(() -> console.find("#password", javafx.scene.control.TextInputControl.class)
                    .clear());
            console.robot().clickOn("#password").write(desk.password()).type(javafx.scene.input.KeyCode.ENTER);
            console.waitForShell();
        }
    }

    @Test
    void logoutAndAnEndedSessionBringBackSignInWithTheEmailFilledIn() throws Exception {
        Path data = temp.resolve("data");
        int port = Ports.closed();
        DemoAccount desk;
        ConsoleWindow console;
        try (ConsoleTestServer server =
                ConsoleTestServer.start(data, port, ConsoleTestServer.NOW, java.util.List.of())) {
            desk = server.account("front_desk");
            console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());
            console.signIn(desk.email(), desk.password());
            console.waitForShell();

            console.robot().clickOn("#logout");
            console.waitUntil("sign-in after logout", () -> console.showing("#sign-in-card"));
            assertEquals("You have signed out.", console.text("#sign-in-problem"));
            assertEquals(desk.email(), console.text("#email"));

            console.robot().clickOn("#password").write(desk.password()).type(javafx.scene.input.KeyCode.ENTER);
            console.waitForShell();
        }
        // the same server a day later: the twelve-hour session has expired, and the next call gets a 401
        try (ConsoleTestServer later =
                ConsoleTestServer.start(data, port, ConsoleTestServer.NOW.plusDays(1), java.util.List.of(desk))) {
            console.waitUntil("sign-in after the session ended", () -> console.showing("#sign-in-card"));
            assertEquals(
                    "Your session has ended (it expired or was ended elsewhere). Sign in again.",
                    console.text("#sign-in-problem"));
            assertEquals(desk.email(), console.text("#email"));
            console.waitUntil(
                    "the password field focused",
                    () -> console.find("#password", Node.class).isFocused());
            console.screenshot("sign-in-session-ended.png");
        }
    }
}
