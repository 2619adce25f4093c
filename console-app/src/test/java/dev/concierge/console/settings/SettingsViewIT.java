package dev.concierge.console.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.concierge.api.ApiClient;
import dev.concierge.api.ApiException;
import dev.concierge.api.IntegrationSettings;
import dev.concierge.api.KioskDevice;
import dev.concierge.api.KioskPairRequest;
import dev.concierge.api.KioskSummary;
import dev.concierge.api.PublicKeySummary;
import dev.concierge.api.Settings;
import dev.concierge.console.Connection.DemoAccount;
import dev.concierge.console.ConsoleTestServer;
import dev.concierge.console.ConsoleWindow;
import dev.concierge.console.ConsoleWindows;
import dev.concierge.testing.WebhookReceiver;
import java.nio.file.Path;
import java.util.List;
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
 * account that then signs in, a kiosk paired with the code shown, and a website key whose tag works; revoking the key
 * and unpairing the kiosk each ask first (Keep it changes nothing at the server).
 */
class SettingsViewIT {
    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    private static boolean paired(ApiClient owner, String kioskId) {
        return owner.get("/api/staff/kiosks", new TypeReference<List<KioskSummary>>() {}).stream()
                .anyMatch(kiosk -> kiosk.id().equals(kioskId) && kiosk.status().equals("paired"));
    }

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
            // HeyGen and Google have their test too; without a key the server's sentence says what is missing
            console.robot().clickOn("#settings-test-heygen");
            console.waitUntil(
                    "HeyGen's answer",
                    () -> console.showing("#settings-integrations-problem")
                            && console.text("#settings-integrations-problem").contains("HEYGEN_API_KEY is not set"));
            assertTrue(console.showing("#settings-test-google"));
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

            // revoking the key asks first: Keep it leaves the website's chat working, Revoke stops it
            @SuppressWarnings("unchecked")
            TableView<PublicKeySummary> keys = console.find("#settings-keys-table", TableView.class);
            console.waitUntil(
                    "the key listed",
                    () -> keys.getItems().stream().anyMatch(row -> row.name().equals("Hotel website")));
            console.change(() -> keys.getSelectionModel()
                    .select(keys.getItems().stream()
                            .filter(row -> row.name().equals("Hotel website"))
                            .findFirst()
                            .orElseThrow()));
            console.robot().clickOn("#settings-key-revoke");
            console.waitUntil("the question", () -> console.showing("#settings-key-confirmation"));
            assertEquals(
                    "Revoke the key of Hotel website? Its website's chat stops at once.",
                    console.text("#settings-key-question"));
            console.assertEveryControlIsNamed();
            console.screenshot("settings-revoke-question.png");
            console.robot().clickOn("#settings-key-keep");
            console.waitUntil("the question gone", () -> !console.showing("#settings-key-confirmation"));
            ApiClient website = ApiClient.of(server.uri()).withPublicKey(key.group(1));
            assertEquals("Hotel Miramar", website.venue().name(), "kept: the key still works");
            console.robot().clickOn("#settings-key-revoke");
            console.waitUntil("the question", () -> console.showing("#settings-key-confirmation"));
            console.robot().clickOn("#settings-key-confirm");
            console.waitUntil(
                    "revoked", () -> console.text("#settings-keys-notice").contains("key is revoked"));
            ApiException refused = assertThrows(ApiException.class, website::venue, "the revoked key opens nothing");
            assertTrue(refused.status() == 401 || refused.status() == 403, "status " + refused.status());

            // unpairing the kiosk asks first: Keep it leaves it paired, Unpair ends its pairing
            console.change(() -> tabs.getSelectionModel().select(3));
            @SuppressWarnings("unchecked")
            TableView<KioskSummary> kiosks = console.find("#settings-kiosks-table", TableView.class);
            console.waitUntil(
                    "the kiosk listed",
                    () -> kiosks.getItems().stream()
                            .anyMatch(row -> row.id().equals(device.kioskId())
                                    && row.status().equals("paired")));
            console.change(() -> kiosks.getSelectionModel()
                    .select(kiosks.getItems().stream()
                            .filter(row -> row.id().equals(device.kioskId()))
                            .findFirst()
                            .orElseThrow()));
            console.robot().clickOn("#settings-kiosk-unpair");
            console.waitUntil("the question", () -> console.showing("#settings-kiosk-confirmation"));
            assertEquals(
                    "Unpair Lobby kiosk? It stops at once and needs a new code.",
                    console.text("#settings-kiosk-question"));
            console.screenshot("settings-unpair-question.png");
            console.robot().clickOn("#settings-kiosk-keep");
            console.waitUntil("the question gone", () -> !console.showing("#settings-kiosk-confirmation"));
            assertTrue(paired(ownerApi, device.kioskId()), "kept: still paired");
            console.robot().clickOn("#settings-kiosk-unpair");
            console.waitUntil("the question", () -> console.showing("#settings-kiosk-confirmation"));
            console.robot().clickOn("#settings-kiosk-confirm");
            console.waitUntil(
                    "unpaired", () -> console.text("#settings-kiosks-notice").contains("is unpaired"));
            assertTrue(!paired(ownerApi, device.kioskId()), "unpaired at the server");
        }
    }
}
