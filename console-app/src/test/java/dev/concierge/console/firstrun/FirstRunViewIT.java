package dev.concierge.console.firstrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiClient;
import dev.concierge.api.StaffSession;
import dev.concierge.api.VenueProfile;
import dev.concierge.console.ConsoleTestServer;
import dev.concierge.console.ConsoleWindow;
import dev.concierge.console.ConsoleWindows;
import dev.concierge.testing.Ports;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The first run against real servers without accounts: in this process (the code is known) and on the LAN. */
class FirstRunViewIT {
    private static final String PASSWORD = "harbour-lights-42";

    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    @Test
    void theConsoleThatStartsTheServerCreatesTheOwnerAndLandsInTheShell() throws Exception {
        int port = Ports.closed();
        // the venue imported by a first start of the server alone: the console has no --venue of its own
        ConsoleTestServer.withoutAccounts(temp.resolve("data")).close();
        ConsoleWindow console = windows.open(
                temp.resolve("settings"), "--data", temp.resolve("data").toString(), "--port", "" + port);

        console.waitUntil("the setup screen", () -> console.showing("#first-run-card"));
        assertEquals("Set up Concierge", console.text("#first-run-title"));
        assertFalse(console.showing("#setup-code"), "the console started the server: it knows the code");
        assertFalse(console.showing("#sign-in-card"));
        console.assertEveryControlIsNamed();
        console.screenshot("first-run.png");

        console.robot().clickOn("#owner-name").write("Marta Ferrer");
        console.robot().clickOn("#owner-email").write("marta@miramar.example");
        console.robot().clickOn("#owner-password").write(PASSWORD);
        console.robot().clickOn("#owner-password-again").write(PASSWORD + "x").type(KeyCode.ENTER);
        console.waitUntil("the mismatch", () -> console.showing("#owner-password-again-problem"));
        assertEquals("The two passwords are not the same.", console.text("#owner-password-again-problem"));
        console.screenshot("first-run-mismatch.png");

        // the header's switch says the card again in Spanish, keeping what was typed, and back
        console.robot().clickOn("#ui-language");
        console.robot().clickOn("#ui-language-es");
        console.waitUntil(
                "the card in Spanish", () -> console.text("#first-run-title").equals("Configurar Concierge"));
        assertEquals("Las dos contraseñas no son iguales.", console.text("#owner-password-again-problem"));
        assertEquals("Marta Ferrer", console.text("#owner-name"));
        assertEquals("marta@miramar.example", console.text("#owner-email"));
        console.assertEveryControlIsNamed();
        console.screenshot("first-run-es.png");
        console.robot().clickOn("#ui-language");
        console.robot().clickOn("#ui-language-en");
        console.waitUntil(
                "the card in English", () -> console.text("#first-run-title").equals("Set up Concierge"));
        assertEquals("The two passwords are not the same.", console.text("#owner-password-again-problem"));

        console.change(() ->
                console.find("#owner-password-again", TextInputControl.class).clear());
        console.robot().clickOn("#owner-password-again").write(PASSWORD).type(KeyCode.ENTER);
        console.waitForShell();
        assertEquals("Marta Ferrer", console.text("#user-name"));
        assertEquals("owner · marta@miramar.example", console.text("#user-role"));

        StaffSession login =
                ApiClient.of(java.net.URI.create("http://localhost:" + port)).login("marta@miramar.example", PASSWORD);
        assertEquals("owner", login.role());
    }

    @Test
    void aSecondDeskNeedsTheSetupCodeAndAWrongOneIsRefusedOnScreen() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.withoutAccounts(temp.resolve("data"))) {
            ConsoleWindow console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());
            console.waitUntil("the setup screen", () -> console.showing("#first-run-card"));
            assertEquals("Setup code (printed where the server started)", console.text("#setup-code-label"));

            console.robot().clickOn("#setup-code").write("WRNG-CODE");
            console.robot().clickOn("#owner-name").write("Marta Ferrer");
            console.robot().clickOn("#owner-email").write("marta@miramar.example");
            console.robot().clickOn("#owner-password").write(PASSWORD);
            console.robot().clickOn("#owner-password-again").write(PASSWORD).type(KeyCode.ENTER);
            console.waitUntil("the refusal", () -> console.showing("#setup-code-problem"));
            assertEquals(
                    "That setup code is not right: it is printed where the server started.",
                    console.text("#setup-code-problem"));
            assertFalse(console.showing("#shell"));
            console.assertEveryControlIsNamed();
            console.screenshot("first-run-wrong-code.png");

            console.change(
                    () -> console.find("#setup-code", TextInputControl.class).clear());
            console.robot().clickOn("#setup-code").write(server.setupCode()).type(KeyCode.ENTER);
            console.waitForShell();
            assertEquals(
                    "owner",
                    ApiClient.of(server.uri())
                            .login("marta@miramar.example", PASSWORD)
                            .role());
        }
    }

    @Test
    void aServerWithoutAVenueGetsItsBasicsFirstThenTheOwner() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.withoutVenue(temp.resolve("data"))) {
            ConsoleWindow console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());
            console.waitUntil("the venue's step", () -> console.showing("#venue-setup-card"));
            assertFalse(console.showing("#first-run-card"), "the owner's account comes next");
            assertTrue(console.showing("#import-venue-file"));

            console.robot().clickOn("#setup-code").write(server.setupCode());
            console.robot().clickOn("#venue-name").write("Hostal Sol");
            console.change(() ->
                    console.find("#venue-timezone", TextInputControl.class).setText("Atlantic/Canary"));
            console.change(() ->
                    console.find("#venue-currency", TextInputControl.class).setText("euro"));
            console.robot().clickOn("#venue-english");
            console.robot().clickOn("#save-venue");
            console.waitUntil("the refusal", () -> console.showing("#venue-currency-problem"));
            assertEquals("The currency is not a currency code, e.g. EUR.", console.text("#venue-currency-problem"));
            console.assertEveryControlIsNamed();
            console.screenshot("first-run-venue.png");

            console.change(() ->
                    console.find("#venue-currency", TextInputControl.class).setText("EUR"));
            console.robot().clickOn("#venue-name").type(KeyCode.ENTER);
            console.waitUntil("the owner's step", () -> console.showing("#first-run-card"));
            assertEquals("Venue saved: Hostal Sol. Now the owner's account.", console.text("#first-run-notice"));
            assertFalse(console.showing("#venue-setup-card"));
            console.screenshot("first-run-venue-saved.png");

            console.robot().clickOn("#owner-name").write("Marta Ferrer");
            console.robot().clickOn("#owner-email").write("marta@sol.example");
            console.robot().clickOn("#owner-password").write(PASSWORD);
            console.robot().clickOn("#owner-password-again").write(PASSWORD).type(KeyCode.ENTER);
            console.waitForShell();

            ApiClient owner = ApiClient.of(server.uri())
                    .withStaffToken(ApiClient.of(server.uri())
                            .login("marta@sol.example", PASSWORD)
                            .token());
            VenueProfile venue = owner.venue();
            assertEquals("Hostal Sol", venue.name());
            assertEquals("Atlantic/Canary", venue.timezone());
            assertEquals(List.of("es"), venue.languages(), "English was unticked");
        }
    }
}
