package dev.concierge.console.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiClient;
import dev.concierge.api.IntegrationSettings;
import dev.concierge.api.KioskDevice;
import dev.concierge.api.KioskPairRequest;
import dev.concierge.api.Settings;
import dev.concierge.console.Connection.DemoAccount;
import dev.concierge.console.ConsoleTestServer;
import dev.concierge.console.ConsoleWindow;
import dev.concierge.console.ConsoleWindows;
import dev.concierge.testing.WebhookReceiver;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Settings screen against a real server, as the owner: retention, an integration stored and tested, a staff
 * account that then signs in, a kiosk paired with the code shown, and a website key whose tag works.
 */
class SettingsViewIT {
    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    @Test
    void theOwnerSetsTheAppliaceUpFromTheSettingsScreen() throws Exception {
        try (WebhookReceiver n8n = WebhookReceiver.start();
                ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"))) {
            DemoAccount owner = server.account("owner");
            ApiClient ownerApi = server.client("owner");
            ConsoleWindow console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());
            console.signIn(owner.email(), owner.password());
            console.waitForShell();
            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT9, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil("the settings", () -> console.showing("#settings-tabs"));
            TabPane tabs = console.find("#settings-tabs", TabPane.class);

            // venue: how long quiet conversations are kept
            console.waitUntil(
                    "the retention loaded",
                    () -> console.text("#settings-retention").equals("30"));
            console.change(() ->
                    console.find("#settings-retention", TextInputControl.class).setText("45"));
            console.robot().clickOn("#settings-retention-save");
            console.waitUntil(
                    "saved", () -> console.text("#settings-venue-notice").contains("45 days"));
            assertEquals(45, ownerApi.get("/api/staff/settings", Settings.class).conversationRetentionDays());
            console.screenshot("settings-venue.png");

            // integrations: n8n's address stored encrypted, then tested
            console.change(() -> tabs.getSelectionModel().select(1));
            @SuppressWarnings("unchecked")
            TableView<IntegrationRow> integrations = console.find("#settings-integrations-table", TableView.class);
            console.waitUntil(
                    "the settings listed", () -> !integrations.getItems().isEmpty());
            console.change(() -> integrations
                    .getSelectionModel()
                    .select(integrations.getItems().stream()
                            .filter(row -> row.name().equals("N8N_WEBHOOK_URL"))
                            .findFirst()
                            .orElseThrow()));
            console.robot()
                    .clickOn("#settings-integration-value")
                    .write(n8n.url().toString());
            console.robot().clickOn("#settings-integration-save");
            console.waitUntil(
                    "stored",
                    () -> console.text("#settings-integrations-notice").contains("stored, encrypted"));
            IntegrationSettings stored = ownerApi.get("/api/staff/integrations", IntegrationSettings.class);
            IntegrationSettings.Setting url = stored.settings().stream()
                    .filter(s -> s.name().equals("N8N_WEBHOOK_URL"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("console", url.source());
            assertEquals(n8n.url().toString(), url.shown());
            // and its signing secret: shown from now on only by its last four characters
            console.change(() -> integrations
                    .getSelectionModel()
                    .select(integrations.getItems().stream()
                            .filter(row -> row.name().equals("N8N_WEBHOOK_SECRET"))
                            .findFirst()
                            .orElseThrow()));
            console.robot().clickOn("#settings-integration-value").write(n8n.secret());
            console.robot().clickOn("#settings-integration-save");
            console.waitUntil(
                    "the secret stored",
                    () -> integrations.getItems().stream()
                            .anyMatch(row -> row.name().equals("N8N_WEBHOOK_SECRET")
                                    && row.shown()
                                            .equals("set, ending in "
                                                    + n8n.secret()
                                                            .substring(
                                                                    n8n.secret().length() - 4))));
            assertEquals("", console.text("#settings-integration-value"), "the secret does not stay on screen");
            console.robot().clickOn("#settings-test-n8n");
            console.waitUntil(
                    "the test's answer",
                    () -> !console.text("#settings-integrations-notice").startsWith("Testing")
                            || console.showing("#settings-integrations-problem"));
            assertTrue(
                    !console.showing("#settings-integrations-problem"),
                    () -> console.text("#settings-integrations-problem"));
            assertEquals(1, n8n.received().size(), "the test reached n8n at the stored address");
            console.screenshot("settings-integrations.png");

            // staff: a new front desk account that can then sign in
            console.change(() -> tabs.getSelectionModel().select(2));
            console.robot().clickOn("#settings-new-email").write("lucia@miramar.example");
            console.robot().clickOn("#settings-new-name").write("Lucía Ferrer");
            console.robot().clickOn("#settings-new-password").write("a-long-first-password");
            console.robot().clickOn("#settings-account-add");
            console.waitUntil(
                    "added", () -> console.text("#settings-accounts-notice").contains("can sign in as front desk"));
            assertEquals(
                    "front_desk",
                    ApiClient.of(server.uri())
                            .login("lucia@miramar.example", "a-long-first-password")
                            .role());
            console.screenshot("settings-staff.png");

            // kiosks: a pairing code, redeemed by the kiosk, and the console says so
            console.change(() -> tabs.getSelectionModel().select(3));
            console.robot().clickOn("#settings-kiosk-name").write("Lobby kiosk");
            console.robot().clickOn("#settings-kiosk-pair");
            console.waitUntil("the code", () -> console.showing("#settings-pairing-code"));
            String code = console.text("#settings-pairing-code");
            assertTrue(console.text("#settings-pairing-help").contains("--pair " + code));
            console.assertEveryControlIsNamed();
            console.screenshot("settings-kiosk-code.png");
            KioskDevice device =
                    ApiClient.of(server.uri()).post("/api/kiosk/pair", new KioskPairRequest(code), KioskDevice.class);
            assertTrue(device.token().startsWith("ckt_"));
            console.waitUntil(
                    "paired",
                    () -> console.text("#settings-kiosks-notice")
                            .equals("Lobby kiosk is paired and ready" + " for guests."));
            assertTrue(!console.showing("#settings-pairing-code"), "the code is gone once used");

            // website chat: a key, and the tag with it
            console.change(() -> tabs.getSelectionModel().select(4));
            console.robot().clickOn("#settings-key-name").write("Hotel website");
            console.robot().clickOn("#settings-key-origins").write("https://www.miramar.example");
            console.robot().clickOn("#settings-key-create");
            // the text area itself is always visible (its row is not): wait for the tag in it
            console.waitUntil(
                    "the tag", () -> !console.text("#settings-snippet").isEmpty());
            String tag = console.text("#settings-snippet");
            Matcher key = Pattern.compile("<script src=\""
                            + Pattern.quote(server.uri().toString().replaceAll("/+$", ""))
                            + "/widget.js\" data-key=\"(cpk_[^\"]+)\" async></script>")
                    .matcher(tag);
            assertTrue(key.matches(), tag);
            assertEquals(
                    "Hotel Miramar",
                    ApiClient.of(server.uri())
                            .withPublicKey(key.group(1))
                            .venue()
                            .name(),
                    "the key in the tag opens the public API");
            console.screenshot("settings-website.png");
        }
    }
}
