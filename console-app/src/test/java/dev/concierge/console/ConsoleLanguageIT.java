package dev.concierge.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.console.Connection.DemoAccount;
import dev.concierge.testing.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The console in Spanish ({@code --lang es}) with its own in-process server, and the header's switch of language. */
class ConsoleLanguageIT {
    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    @Test
    void speaksSpanishFromSignInToEveryScreenAndSwitchesToEnglishStayingSignedIn() throws Exception {
        Path settings = temp.resolve("settings");
        ConsoleWindow console = windows.open(
                settings,
                "--lang",
                "es",
                "--demo",
                "--data",
                temp.resolve("data").toString(),
                "--port",
                "" + Ports.closed());

        assertEquals("Iniciando el servidor…", console.text("#sign-in-progress"));
        console.waitUntil("the demo accounts", () -> console.showing("#demo-accounts"));
        assertEquals("Iniciar sesión", console.text("#sign-in-title"));
        assertEquals("Correo electrónico", console.text("#email-label"));
        assertEquals("Contraseña", console.text("#password-label"));
        assertEquals("Entrar", console.text("#sign-in"));
        assertEquals("Recepción", console.text("#desk-name"));
        assertEquals("Español", console.text("#ui-language"));
        assertEquals("Concierge — Recepción", console.onFx(() -> console.stage().getTitle()));
        DemoAccount manager = demoAccount(console.text("#demo-accounts"), "gerente");
        console.assertEveryControlIsNamed();
        console.screenshot("sign-in-es.png");

        console.signIn(manager.email(), manager.password());
        console.waitForShell();
        assertEquals("Hoy", console.text("#nav-today"));
        assertEquals("Pedidos", console.text("#nav-orders"));
        assertEquals("Reservas", console.text("#nav-bookings"));
        assertEquals("Huéspedes", console.text("#nav-guests"));
        assertEquals("Ajustes", console.text("#nav-settings"));
        assertEquals("Cerrar sesión", console.text("#logout"));
        assertEquals("gerente · " + manager.email(), console.text("#user-role"));
        console.waitUntil(
                "the server's health", () -> console.text("#server-status").startsWith("Servidor ok"));
        console.assertEveryControlIsNamed();
        screenshot(console, "today-es.png");
        for (String screen : new String[] {"bookings", "orders", "guests", "inbox", "knowledge", "sync", "settings"}) {
            console.robot().clickOn("#nav-" + screen);
            screenshot(console, screen + "-es.png");
        }
        for (int tab : new int[] {1, 2}) {
            console.change(() -> console.find("#settings-tabs", javafx.scene.control.TabPane.class)
                    .getSelectionModel()
                    .select(tab));
            screenshot(console, "settings-" + (tab == 1 ? "integrations" : "staff") + "-es.png");
        }
        console.robot().clickOn("#nav-reports");
        screenshot(console, "reports-es.png");
        console.robot().clickOn("#help");
        console.waitUntil("the help", () -> console.showing("#help-overlay"));
        assertEquals("Atajos de teclado", console.text("#help-title"));
        screenshot(console, "help-es.png");
        console.robot().clickOn("#help-title").type(javafx.scene.input.KeyCode.ESCAPE);

        // the switch in the header: the shell is built again in English, signed in, on the screen it was on
        console.robot().clickOn("#ui-language");
        console.robot().clickOn("#ui-language-en");
        console.waitUntil(
                "the navigation in English", () -> console.text("#nav-today").equals("Today"));
        assertEquals("Reports", console.text("#nav-reports"));
        assertTrue(console.showing("#shell"));
        assertEquals("English", console.text("#ui-language"));
        assertEquals("Front desk", console.text("#desk-name"));
        assertEquals(
                "Concierge — Front desk", console.onFx(() -> console.stage().getTitle()));
        assertEquals("manager · " + manager.email(), console.text("#user-role"));
        assertTrue(
                Files.readString(settings.resolve(ConsoleSettings.FILE)).contains("language=en"),
                "the choice is remembered on this PC");

        console.robot().clickOn("#ui-language");
        console.robot().clickOn("#ui-language-es");
        console.waitUntil(
                "the navigation in Spanish", () -> console.text("#nav-today").equals("Hoy"));
        console.robot().clickOn("#logout");
        console.waitUntil("sign-in after logout", () -> console.showing("#sign-in-card"));
        assertEquals("Ha cerrado la sesión.", console.text("#sign-in-problem"));
        assertEquals("Entrar", console.text("#sign-in"));

        // on sign-in the switch says the card again in the other language, keeping the e-mail typed
        console.robot().clickOn("#ui-language");
        console.robot().clickOn("#ui-language-en");
        console.waitUntil("sign-in in English", () -> console.text("#sign-in").equals("Sign in"));
        assertEquals(manager.email(), console.text("#email"));
        assertEquals("Password", console.text("#password-label"));
    }

    @Test
    void startsInTheLanguageChosenLastWithoutTheOption() throws Exception {
        Path settings = temp.resolve("settings");
        new ConsoleSettings(settings).put("language", "es");
        String server = "http://127.0.0.1:" + Ports.closed();
        ConsoleWindow console = windows.open(settings, "--server", server);

        console.waitUntil("the reason", () -> !console.text("#sign-in-problem").isEmpty());

        assertEquals("No se puede conectar con " + server + ". ¿Está en marcha?", console.text("#sign-in-problem"));
        assertEquals("Reintentar", console.text("#retry"));
        assertEquals("Entrar", console.text("#sign-in"));
        console.screenshot("sign-in-unreachable-es.png");
    }

    /** Waits for the screen's first answer from the server, then saves the window. */
    private static void screenshot(ConsoleWindow console, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        console.screenshot(name);
    }

    /** The hint's line "gerente: manager@… / password". */
    private static DemoAccount demoAccount(String hint, String role) {
        return hint.lines()
                .filter(line -> line.startsWith(role + ": "))
                .map(line -> line.substring(role.length() + 2).split(" / "))
                .map(words -> new DemoAccount(role, words[0], words[1]))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + role + " in " + hint));
    }
}
