package dev.concierge.console.settings;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.concierge.api.ApiClient;
import dev.concierge.api.ConnectionResult;
import dev.concierge.api.IntegrationChange;
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
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The server calls of the Settings screen; they block, so they run off the FX thread. */
public interface SettingsApi {
    /** Where the server is, for the widget's tag ({@code <script src="…/widget.js">}). */
    URI server();

    Settings settings();

    Settings saveSettings(Settings settings);

    IntegrationSettings integrations();

    /** {@code PUT /api/staff/integrations} (owner): a null or empty value removes the stored one. */
    IntegrationSettings saveIntegrations(Map<String, @Nullable String> values);

    /** {@code POST /api/staff/integrations/{service}/test}: stripe, openai or n8n. */
    ConnectionResult test(String service);

    List<StaffAccount> accounts();

    StaffAccount addAccount(StaffAccountRequest request);

    StaffAccount updateAccount(long id, StaffAccountUpdate update);

    List<KioskSummary> kiosks();

    /** {@code POST /api/staff/kiosks}: a pairing code the new kiosk types once. */
    KioskPairingCode pairKiosk(KioskRequest request);

    void unpairKiosk(String id);

    List<PublicKeySummary> publicKeys();

    PublicKeyCreated createPublicKey(PublicKeyRequest request);

    void revokePublicKey(String id);

    static SettingsApi over(ApiClient client) {
        return new SettingsApi() {
            @Override
            public URI server() {
                return client.base();
            }

            @Override
            public Settings settings() {
                return client.get("/api/staff/settings", Settings.class);
            }

            @Override
            public Settings saveSettings(Settings settings) {
                return client.put("/api/staff/settings", settings, Settings.class);
            }

            @Override
            public IntegrationSettings integrations() {
                return client.get("/api/staff/integrations", IntegrationSettings.class);
            }

            @Override
            public IntegrationSettings saveIntegrations(Map<String, @Nullable String> values) {
                return client.put("/api/staff/integrations", new IntegrationChange(values), IntegrationSettings.class);
            }

            @Override
            public ConnectionResult test(String service) {
                return client.post("/api/staff/integrations/" + service + "/test", Map.of(), ConnectionResult.class);
            }

            @Override
            public List<StaffAccount> accounts() {
                return client.get("/api/staff/accounts", new TypeReference<List<StaffAccount>>() {});
            }

            @Override
            public StaffAccount addAccount(StaffAccountRequest request) {
                return client.post("/api/staff/accounts", request, StaffAccount.class);
            }

            @Override
            public StaffAccount updateAccount(long id, StaffAccountUpdate update) {
                return client.patch("/api/staff/accounts/" + id, update, StaffAccount.class);
            }

            @Override
            public List<KioskSummary> kiosks() {
                return client.get("/api/staff/kiosks", new TypeReference<List<KioskSummary>>() {});
            }

            @Override
            public KioskPairingCode pairKiosk(KioskRequest request) {
                return client.post("/api/staff/kiosks", request, KioskPairingCode.class);
            }

            @Override
            public void unpairKiosk(String id) {
                client.delete("/api/staff/kiosks/" + id);
            }

            @Override
            public List<PublicKeySummary> publicKeys() {
                return client.publicKeys();
            }

            @Override
            public PublicKeyCreated createPublicKey(PublicKeyRequest request) {
                return client.createPublicKey(request);
            }

            @Override
            public void revokePublicKey(String id) {
                client.delete("/api/staff/keys/" + id);
            }
        };
    }
}
