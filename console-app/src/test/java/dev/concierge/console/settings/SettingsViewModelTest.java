package dev.concierge.console.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ConnectionResult;
import dev.concierge.api.IntegrationSettings;
import dev.concierge.api.KioskPairingCode;
import dev.concierge.api.KioskRequest;
import dev.concierge.api.KioskSummary;
import dev.concierge.api.PublicKeyCreated;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.api.PublicKeySummary;
import dev.concierge.api.Settings;
import dev.concierge.api.StaffAccount;
import dev.concierge.api.StaffAccountRequest;
import dev.concierge.api.StaffAccountUpdate;
import dev.concierge.console.ServerCalls;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    /** A server that keeps what it is given, as the real one would answer it. */
    private static final class Server implements SettingsApi {
        int retention = 30;

        @Nullable
        String brandColor;

        int saves;
        final List<Map<String, @Nullable String>> stored = new ArrayList<>();
        List<KioskSummary> kiosks = List.of();
        List<IntegrationSettings.Setting> settings =
                List.of(new IntegrationSettings.Setting("N8N_WEBHOOK_URL", false, "environment", "http://n8n.local"));

        @Override
        public URI server() {
            return URI.create("http://192.168.1.20:8080/");
        }

        @Override
        public Settings settings() {
            return new Settings(retention, brandColor);
        }

        @Override
        public Settings saveSettings(Settings settings) {
            saves++;
            if (settings.conversationRetentionDays() != null) {
                retention = settings.conversationRetentionDays();
            }
            if (settings.brandColor() != null) {
                brandColor = settings.brandColor().isEmpty()
                        ? null
                        : settings.brandColor().toLowerCase(Locale.ROOT);
            }
            return settings();
        }

        @Override
        public IntegrationSettings integrations() {
            return new IntegrationSettings(settings, false);
        }

        @Override
        public IntegrationSettings saveIntegrations(Map<String, @Nullable String> values) {
            stored.add(values);
            return new IntegrationSettings(settings, true);
        }

        @Override
        public ConnectionResult test(String service) {
            return new ConnectionResult(service, false, "n8n answered HTTP 404");
        }

        @Override
        public List<StaffAccount> accounts() {
            return List.of();
        }

        @Override
        public StaffAccount addAccount(StaffAccountRequest request) {
            return new StaffAccount(5, request.email(), request.name(), request.role(), true, NOW);
        }

        @Override
        public StaffAccount updateAccount(long id, StaffAccountUpdate update) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<KioskSummary> kiosks() {
            return kiosks;
        }

        @Override
        public KioskPairingCode pairKiosk(KioskRequest request) {
            return new KioskPairingCode("k1", request.name(), "ABCD-EFGH", NOW.plusSeconds(15 * 60));
        }

        @Override
        public void unpairKiosk(String id) {}

        @Override
        public List<PublicKeySummary> publicKeys() {
            return List.of();
        }

        @Override
        public PublicKeyCreated createPublicKey(PublicKeyRequest request) {
            return new PublicKeyCreated("pk1", "cpk_secret", request.name(), request.origins());
        }

        @Override
        public void revokePublicKey(String id) {}
    }

    private final Server server = new Server();

    private SettingsViewModel as(String role) {
        return new SettingsViewModel(
                dev.concierge.console.Texts.english(),
                server,
                ZoneId.of("Europe/Madrid"),
                role,
                new ServerCalls(Runnable::run, Runnable::run, () -> {}));
    }

    @Test
    void theVenueColourIsSavedForTheKiosksAndABadOneIsNotSent() {
        server.brandColor = "#1d5c8c";
        SettingsViewModel model = as("manager");
        model.refresh();
        assertEquals("#1d5c8c", model.brandColorProperty().get());

        model.brandColorProperty().set("navy");
        model.saveBrandColor();
        assertEquals(
                "Choose a colour (as #RRGGBB).",
                model.venueFeedback().problemProperty().get());
        assertEquals(0, server.saves, "nothing sent");

        model.brandColorProperty().set("#8B0000");
        model.saveBrandColor();
        assertEquals("#8b0000", server.brandColor);
        assertEquals(30, server.retention, "the retention stays as it was");
        assertEquals("#8b0000", model.brandColorProperty().get());

        model.useOwnColor();
        assertEquals(null, server.brandColor);
        assertEquals("", model.brandColorProperty().get());
    }

    @Test
    void theVenuePartsEditsCountUntilSavedAndDiscardPutsBackWhatTheServerHas() {
        server.brandColor = "#1d5c8c";
        SettingsViewModel model = as("manager");
        model.refresh();
        assertFalse(model.unsaved().isChanged(), "as the server has it");

        model.retentionDaysProperty().set("45");
        model.brandColorProperty().set("#8b0000");
        assertTrue(model.unsaved().isChanged());
        model.saveRetention();
        assertTrue(model.unsaved().isChanged(), "the colour is not saved yet");

        model.unsaved().whenDiscarded(() -> {});
        model.unsaved().discard();

        assertFalse(model.unsaved().isChanged());
        assertEquals("#1d5c8c", model.brandColorProperty().get(), "the colour as the server has it");
        assertEquals("45", model.retentionDaysProperty().get(), "the days as saved");
        assertEquals(1, server.saves);
    }

    @Test
    void retentionIsANumberOfDays() {
        SettingsViewModel model = as("manager");
        model.refresh();
        assertEquals("30", model.retentionDaysProperty().get());

        model.retentionDaysProperty().set("a month");
        model.saveRetention();
        assertEquals(
                "Give the number of days, e.g. 30.",
                model.venueFeedback().problemProperty().get());
        assertEquals(30, server.retention);

        model.retentionDaysProperty().set(" 45 ");
        model.saveRetention();
        assertEquals(45, server.retention);
        assertEquals("", model.venueFeedback().problemProperty().get());
    }

    @Test
    void onlyTheOwnerStoresKeysAndASettingFromTheEnvironmentIsChangedThere() {
        SettingsViewModel manager = as("manager");
        manager.refresh();
        manager.integrationProperty().set(manager.integrations().get(0));
        manager.integrationValueProperty().set("http://elsewhere");
        manager.saveIntegration();
        assertEquals(
                "Only the owner may change integration keys.",
                manager.integrationFeedback().problemProperty().get());

        SettingsViewModel owner = as("owner");
        owner.refresh();
        owner.integrationProperty().set(owner.integrations().get(0));
        owner.saveIntegration();
        assertEquals(
                "N8N_WEBHOOK_URL is set where the server runs; change it there.",
                owner.integrationFeedback().problemProperty().get());
        assertEquals(List.of(), server.stored);

        server.settings = List.of(new IntegrationSettings.Setting("N8N_WEBHOOK_SECRET", true, "none", null));
        owner.refresh();
        assertEquals("not set", owner.integrations().get(0).shown());
        owner.integrationProperty().set(owner.integrations().get(0));
        owner.integrationValueProperty().set("whsec_abc");
        owner.saveIntegration();
        assertEquals(List.of(Map.of("N8N_WEBHOOK_SECRET", "whsec_abc")), server.stored);
        assertEquals(
                "n8n Webhook secret stored, encrypted. It takes effect when the server next starts.",
                owner.integrationFeedback().noticeProperty().get());
        assertEquals("", owner.integrationValueProperty().get(), "the secret does not stay on screen");

        owner.testConnection("n8n");
        assertEquals(
                "n8n answered HTTP 404",
                owner.integrationFeedback().problemProperty().get());
    }

    @Test
    void thePairingCodeShowsUntilTheKioskHasPaired() {
        SettingsViewModel model = as("manager");
        model.kioskNameProperty().set("Lobby kiosk");
        model.pairKiosk();
        assertEquals("ABCD-EFGH", model.pairingCodeProperty().get());
        assertTrue(model.pairingHelpProperty().get().contains("--pair ABCD-EFGH"));
        assertTrue(
                model.pairingHelpProperty().get().endsWith("until 10:15."),
                model.pairingHelpProperty().get());

        server.kiosks = List.of(new KioskSummary("k1", "Lobby kiosk", null, "paired", NOW, NOW.plusSeconds(60)));
        model.refresh();

        assertEquals("", model.pairingCodeProperty().get());
        assertEquals(
                "Lobby kiosk is paired and ready for guests.",
                model.kioskFeedback().noticeProperty().get());
    }

    @Test
    void aNewKeyComesWithTheTagThatLoadsTheWidgetFromThisServer() {
        SettingsViewModel model = as("manager");
        model.keyNameProperty().set("Hotel website");
        model.keyOriginsProperty().set("https://www.miramar.example/, https://miramar.example");

        model.createKey();

        assertEquals(
                "<script src=\"http://192.168.1.20:8080/widget.js\" data-key=\"cpk_secret\" async></script>",
                model.snippetProperty().get());
        assertEquals(
                "Paste this tag into every page of https://www.miramar.example, https://miramar.example that should"
                        + " show the chat. The key is shown only now.",
                model.keyFeedback().noticeProperty().get());
    }

    @Test
    void aBadNewAccountIsRefusedBeforeItIsSent() {
        SettingsViewModel model = as("manager");
        model.newEmailProperty().set("not an e-mail");
        model.newNameProperty().set("Lucía");
        model.newPasswordProperty().set("a-long-first-password");

        model.addAccount();

        assertEquals(
                "Check email is not an e-mail address.",
                model.accountFeedback().problemProperty().get());
    }
}
