package dev.concierge.console.settings;

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
import dev.concierge.console.Feedback;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.Texts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The Settings screen's state: each part (venue, integrations, staff, kiosks, website) asked for when the screen
 * shows, and its changes sent one at a time; each part says what it did or what went wrong in its own words. A
 * pairing code and a new public key are shown once, as the server gives them once.
 */
public final class SettingsViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private final DateTimeFormatter dayFormat;
    private final Texts texts;

    private final SettingsApi api;
    private final ZoneId zone;
    private final ServerCalls calls;
    private final boolean owner;

    // venue
    private final StringProperty retentionDays = new SimpleStringProperty(this, "retentionDays", "");
    /** The venue's colour as {@code #rrggbb}, or empty for Concierge's own (the kiosk follows it). */
    private final StringProperty brandColor = new SimpleStringProperty(this, "brandColor", "");

    private boolean brandColorShown;
    // the venue part's two texts as the server last answered them: what differs is an edit nobody saved
    private final StringProperty savedRetention = new SimpleStringProperty(this, "savedRetention", "");
    private final StringProperty savedBrand = new SimpleStringProperty(this, "savedBrand", "");
    private final dev.concierge.console.UnsavedChanges unsaved = new dev.concierge.console.UnsavedChanges(
            javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> !retentionDays.get().strip().equals(savedRetention.get())
                            || !brandColor.get().strip().equalsIgnoreCase(savedBrand.get()),
                    retentionDays,
                    savedRetention,
                    brandColor,
                    savedBrand),
            () -> {
                retentionDays.set(savedRetention.get());
                brandColor.set(savedBrand.get());
            });
    private final Feedback venueFeedback = new Feedback();

    // integrations
    private final ObservableList<IntegrationRow> integrations = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable IntegrationRow> integration =
            new SimpleObjectProperty<>(this, "integration");
    private final StringProperty integrationValue = new SimpleStringProperty(this, "integrationValue", "");
    private final BooleanProperty restartNeeded = new SimpleBooleanProperty(this, "restartNeeded");
    private final Feedback integrationFeedback = new Feedback();

    // staff accounts
    private final ObservableList<StaffAccount> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable StaffAccount> account = new SimpleObjectProperty<>(this, "account");
    private final StringProperty newEmail = new SimpleStringProperty(this, "newEmail", "");
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final StringProperty newRole = new SimpleStringProperty(this, "newRole", "front_desk");
    private final StringProperty newPassword = new SimpleStringProperty(this, "newPassword", "");
    private final Feedback accountFeedback = new Feedback();

    // kiosks
    private final ObservableList<KioskSummary> kiosks = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable KioskSummary> kiosk = new SimpleObjectProperty<>(this, "kiosk");
    private final StringProperty kioskName = new SimpleStringProperty(this, "kioskName", "");
    private final StringProperty kioskReader = new SimpleStringProperty(this, "kioskReader", "");
    private final ReadOnlyStringWrapper pairingCode = new ReadOnlyStringWrapper(this, "pairingCode", "");
    private final ReadOnlyStringWrapper pairingHelp = new ReadOnlyStringWrapper(this, "pairingHelp", "");
    private @Nullable String pairing; // the kiosk whose code shows, until it pairs
    private final Feedback kioskFeedback = new Feedback();

    // website widget
    private final ObservableList<PublicKeySummary> keys = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable PublicKeySummary> key = new SimpleObjectProperty<>(this, "key");
    private final StringProperty keyName = new SimpleStringProperty(this, "keyName", "");
    private final StringProperty keyOrigins = new SimpleStringProperty(this, "keyOrigins", "");
    private final ReadOnlyStringWrapper snippet = new ReadOnlyStringWrapper(this, "snippet", "");
    private final Feedback keyFeedback = new Feedback();

    /** @param role the signed-in role: only the owner stores integration keys */
    public SettingsViewModel(Texts texts, SettingsApi api, ZoneId zone, String role, ServerCalls calls) {
        this.texts = texts;
        this.dayFormat = DateTimeFormatter.ofPattern("d MMM yyyy", texts.locale());
        this.api = api;
        this.zone = zone;
        this.owner = role.equals("owner");
        this.calls = calls;
        integration.addListener((observable, before, now) -> integrationValue.set(""));
    }

    /** Asks for every part again; a form being filled in is left as it is. */
    public void refresh() {
        calls.call(api::settings, this::showSettings, why -> venueFeedback.failed(notLoaded(why)));
        calls.call(api::integrations, this::showIntegrations, why -> integrationFeedback.failed(notLoaded(why)));
        calls.call(api::accounts, this::showAccounts, why -> accountFeedback.failed(notLoaded(why)));
        calls.call(api::kiosks, this::showKiosks, why -> kioskFeedback.failed(notLoaded(why)));
        calls.call(api::publicKeys, this::showKeys, why -> keyFeedback.failed(notLoaded(why)));
    }

    private void showSettings(Settings settings) {
        if (!brandColorShown) {
            brandColorShown = true;
            savedBrand.set(Objects.requireNonNullElse(settings.brandColor(), ""));
            brandColor.set(savedBrand.get());
        }
        if (retentionDays.get().isBlank()) {
            savedRetention.set(String.valueOf(Objects.requireNonNullElse(
                    settings.conversationRetentionDays(), Settings.DEFAULT_CONVERSATION_RETENTION_DAYS)));
            retentionDays.set(savedRetention.get());
        }
    }

    /** The venue part's edits nobody saved (the days kept, the colour): the shell asks before leaving the screen. */
    public dev.concierge.console.UnsavedChanges unsaved() {
        return unsaved;
    }

    /** Saves how many days quiet conversations are kept. */
    public void saveRetention() {
        int days;
        try {
            days = Integer.parseInt(retentionDays.get().strip());
        } catch (NumberFormatException e) {
            venueFeedback.failed(texts.get("settings.giveDays"));
            return;
        }
        calls.call(
                () -> api.saveSettings(new Settings(days)),
                saved -> {
                    savedRetention.set(String.valueOf(saved.conversationRetentionDays()));
                    retentionDays.set(savedRetention.get());
                    venueFeedback.done(texts.get("settings.retentionSaved", saved.conversationRetentionDays()));
                },
                venueFeedback::failed);
    }

    /** Saves the venue's colour as chosen ({@link #brandColorProperty()}); the kiosks take it at their next check. */
    public void saveBrandColor() {
        saveBrand(brandColor.get().strip());
    }

    /** Goes back to Concierge's own colour on the kiosks. */
    public void useOwnColor() {
        saveBrand("");
    }

    private void saveBrand(String color) {
        Settings change;
        try {
            change = new Settings(null, color);
        } catch (dev.concierge.api.InvalidFieldsException e) {
            venueFeedback.failed(texts.get("settings.brand.bad"));
            return;
        }
        calls.call(
                () -> api.saveSettings(change),
                saved -> {
                    String now = Objects.requireNonNullElse(saved.brandColor(), "");
                    savedBrand.set(now);
                    brandColor.set(now);
                    venueFeedback.done(
                            now.isEmpty() ? texts.get("settings.brand.reset") : texts.get("settings.brand.saved", now));
                },
                venueFeedback::failed);
    }

    private void showIntegrations(IntegrationSettings settings) {
        String selected = integration.get() == null ? null : integration.get().name();
        List<IntegrationRow> rows = settings.settings().stream()
                .map(setting -> IntegrationRow.of(setting, texts))
                .toList();
        if (!integrations.equals(rows)) {
            integrations.setAll(rows);
            String keepValue = integrationValue.get();
            integration.set(rows.stream()
                    .filter(row -> row.name().equals(selected))
                    .findFirst()
                    .orElse(null));
            integrationValue.set(keepValue); // a value being typed survives a refresh
        }
        restartNeeded.set(settings.restartNeeded());
    }

    /** Stores the value typed for the selected setting (the owner only); an empty value removes the stored one. */
    public void saveIntegration() {
        change(integrationValue.get().strip());
    }

    public void clearIntegration() {
        change(null);
    }

    private void change(@Nullable String value) {
        IntegrationRow row = integration.get();
        if (row == null) {
            integrationFeedback.failed(texts.get("settings.selectSetting"));
            return;
        }
        if (!owner) {
            integrationFeedback.failed(texts.get("settings.ownerOnly"));
            return;
        }
        if (row.fromEnvironment()) {
            integrationFeedback.failed(texts.get("settings.fromEnvironment", row.name()));
            return;
        }
        Map<String, @Nullable String> values = new HashMap<>();
        values.put(row.name(), value == null || value.isEmpty() ? null : value);
        calls.call(
                () -> api.saveIntegrations(values),
                saved -> {
                    integrationValue.set("");
                    showIntegrations(saved);
                    integrationFeedback.done(texts.get(
                                    value == null || value.isEmpty() ? "settings.removed" : "settings.stored",
                                    row.service() + " " + row.label())
                            + (saved.restartNeeded() ? " " + texts.get("settings.restartNeeded") : ""));
                },
                integrationFeedback::failed);
    }

    /** Asks the server whether {@code service} (stripe, openai, n8n, google, heygen) answers with the settings as they are now. */
    public void testConnection(String service) {
        integrationFeedback.done(texts.get("settings.testing", service));
        calls.call(
                () -> api.test(service),
                result -> {
                    if (result.ok()) {
                        integrationFeedback.done(result.message());
                    } else {
                        integrationFeedback.failed(result.message());
                    }
                },
                integrationFeedback::failed);
    }

    private void showAccounts(List<StaffAccount> fresh) {
        if (!accounts.equals(fresh)) {
            Long keep = account.get() == null ? null : account.get().id();
            accounts.setAll(fresh);
            account.set(fresh.stream()
                    .filter(a -> keep != null && a.id() == keep)
                    .findFirst()
                    .orElse(null));
        }
    }

    /** Adds the account typed in the form; the form empties once the server has it. */
    public void addAccount() {
        StaffAccountRequest request;
        try {
            request = new StaffAccountRequest(
                    newEmail.get(),
                    newName.get(),
                    newRole.get(),
                    newPassword.get().isEmpty() ? null : newPassword.get());
        } catch (RuntimeException refused) {
            accountFeedback.failed(ServerCalls.plainWords(refused));
            return;
        }
        calls.call(
                () -> api.addAccount(request),
                added -> {
                    newEmail.set("");
                    newName.set("");
                    newPassword.set("");
                    accountFeedback.done(texts.get("settings.accountAdded", added.name(), words(added.role())));
                    calls.call(api::accounts, this::showAccounts, accountFeedback::failed);
                },
                accountFeedback::failed);
    }

    /** Gives the selected account another role. */
    public void changeRole(String role) {
        update(
                new StaffAccountUpdate(null, role, null, null),
                a -> texts.get("settings.roleChanged", a.name(), words(a.role())));
    }

    /** Signs the selected account out everywhere and keeps it from signing in, or lets it again. */
    public void toggleActive() {
        StaffAccount selected = account.get();
        boolean active = selected == null || !selected.active();
        update(
                new StaffAccountUpdate(null, null, active, null),
                a -> texts.get(a.active() ? "settings.signsInAgain" : "settings.signsInNoMore", a.name()));
    }

    private void update(StaffAccountUpdate update, java.util.function.Function<StaffAccount, String> said) {
        StaffAccount selected = account.get();
        if (selected == null) {
            accountFeedback.failed(texts.get("settings.selectAccount"));
            return;
        }
        calls.call(
                () -> api.updateAccount(selected.id(), update),
                changed -> {
                    accountFeedback.done(said.apply(changed));
                    calls.call(api::accounts, this::showAccounts, accountFeedback::failed);
                },
                accountFeedback::failed);
    }

    private void showKiosks(List<KioskSummary> fresh) {
        fresh.stream()
                .filter(k -> k.id().equals(pairing) && k.pairedAt() != null)
                .findFirst()
                .ifPresent(paired -> {
                    pairing = null;
                    pairingCode.set("");
                    pairingHelp.set("");
                    kioskFeedback.done(texts.get("settings.paired", paired.name()));
                });
        if (!kiosks.equals(fresh)) {
            String keep = kiosk.get() == null ? null : kiosk.get().id();
            kiosks.setAll(fresh);
            kiosk.set(
                    fresh.stream().filter(k -> k.id().equals(keep)).findFirst().orElse(null));
        }
    }

    /** Asks for a pairing code for a new kiosk, shown large until it is used or runs out. */
    public void pairKiosk() {
        KioskRequest request;
        try {
            request = new KioskRequest(kioskName.get().isBlank() ? null : kioskName.get(), kioskReader.get());
        } catch (RuntimeException refused) {
            kioskFeedback.failed(ServerCalls.plainWords(refused));
            return;
        }
        calls.call(
                () -> api.pairKiosk(request),
                code -> {
                    showCode(code);
                    kioskName.set("");
                    kioskReader.set("");
                    kioskFeedback.clear();
                    calls.call(api::kiosks, this::showKiosks, kioskFeedback::failed);
                },
                kioskFeedback::failed);
    }

    private void showCode(KioskPairingCode code) {
        pairing = code.id();
        pairingCode.set(code.code());
        pairingHelp.set(texts.get(
                "settings.pairingHelp",
                code.name(),
                code.code(),
                TIME.format(code.expiresAt().atZone(zone))));
    }

    /** Unpairs the selected kiosk at once: its next request is refused. */
    public void unpairKiosk() {
        KioskSummary selected = kiosk.get();
        if (selected == null) {
            kioskFeedback.failed(texts.get("settings.selectKiosk"));
            return;
        }
        calls.run(
                () -> api.unpairKiosk(selected.id()),
                () -> {
                    kioskFeedback.done(texts.get("settings.unpaired", selected.name()));
                    calls.call(api::kiosks, this::showKiosks, kioskFeedback::failed);
                },
                kioskFeedback::failed);
    }

    private void showKeys(List<PublicKeySummary> fresh) {
        if (!keys.equals(fresh)) {
            String keep = key.get() == null ? null : key.get().id();
            keys.setAll(fresh);
            key.set(fresh.stream().filter(k -> k.id().equals(keep)).findFirst().orElse(null));
        }
    }

    /** Makes a public key for a website; the key and the tag to paste are shown once. */
    public void createKey() {
        List<String> origins = Arrays.stream(keyOrigins.get().split("[,\\s]+"))
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .map(origin -> origin.replaceAll("/+$", ""))
                .toList();
        PublicKeyRequest request;
        try {
            request = new PublicKeyRequest(keyName.get().isBlank() ? null : keyName.get(), origins);
        } catch (RuntimeException refused) {
            keyFeedback.failed(ServerCalls.plainWords(refused));
            return;
        }
        calls.call(
                () -> api.createPublicKey(request),
                created -> {
                    snippet.set(snippet(created));
                    keyName.set("");
                    keyOrigins.set("");
                    keyFeedback.done(texts.get("settings.keyMade", String.join(", ", created.origins())));
                    calls.call(api::publicKeys, this::showKeys, keyFeedback::failed);
                },
                keyFeedback::failed);
    }

    /** The one tag a website pastes: the widget loads from this server with the key. */
    String snippet(PublicKeyCreated created) {
        String server = api.server().toString().replaceAll("/+$", "");
        return "<script src=\"" + server + "/widget.js\" data-key=\"" + created.key() + "\" async></script>";
    }

    /** Revokes the selected key: the website's chat stops at once. */
    public void revokeKey() {
        PublicKeySummary selected = key.get();
        if (selected == null) {
            keyFeedback.failed(texts.get("settings.selectKey"));
            return;
        }
        calls.run(
                () -> api.revokePublicKey(selected.id()),
                () -> {
                    snippet.set("");
                    keyFeedback.done(texts.get("settings.revoked", selected.name()));
                    calls.call(api::publicKeys, this::showKeys, keyFeedback::failed);
                },
                keyFeedback::failed);
    }

    /** "front desk" for {@code front_desk}, in the console's language. */
    String words(String role) {
        return texts.word("role", role);
    }

    private String notLoaded(String why) {
        return texts.get("settings.notLoaded", why);
    }

    public Texts texts() {
        return texts;
    }

    String day(java.time.Instant at) {
        return dayFormat.format(at.atZone(zone));
    }

    public boolean owner() {
        return owner;
    }

    public StringProperty brandColorProperty() {
        return brandColor;
    }

    public StringProperty retentionDaysProperty() {
        return retentionDays;
    }

    public Feedback venueFeedback() {
        return venueFeedback;
    }

    public ObservableList<IntegrationRow> integrations() {
        return integrations;
    }

    public ObjectProperty<@Nullable IntegrationRow> integrationProperty() {
        return integration;
    }

    public StringProperty integrationValueProperty() {
        return integrationValue;
    }

    public BooleanProperty restartNeededProperty() {
        return restartNeeded;
    }

    public Feedback integrationFeedback() {
        return integrationFeedback;
    }

    public ObservableList<StaffAccount> accounts() {
        return accounts;
    }

    public ObjectProperty<@Nullable StaffAccount> accountProperty() {
        return account;
    }

    public StringProperty newEmailProperty() {
        return newEmail;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newRoleProperty() {
        return newRole;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public Feedback accountFeedback() {
        return accountFeedback;
    }

    public ObservableList<KioskSummary> kiosks() {
        return kiosks;
    }

    public ObjectProperty<@Nullable KioskSummary> kioskProperty() {
        return kiosk;
    }

    public StringProperty kioskNameProperty() {
        return kioskName;
    }

    public StringProperty kioskReaderProperty() {
        return kioskReader;
    }

    public ReadOnlyStringProperty pairingCodeProperty() {
        return pairingCode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pairingHelpProperty() {
        return pairingHelp.getReadOnlyProperty();
    }

    public Feedback kioskFeedback() {
        return kioskFeedback;
    }

    public ObservableList<PublicKeySummary> keys() {
        return keys;
    }

    public ObjectProperty<@Nullable PublicKeySummary> keyProperty() {
        return key;
    }

    public StringProperty keyNameProperty() {
        return keyName;
    }

    public StringProperty keyOriginsProperty() {
        return keyOrigins;
    }

    public ReadOnlyStringProperty snippetProperty() {
        return snippet.getReadOnlyProperty();
    }

    public Feedback keyFeedback() {
        return keyFeedback;
    }
}
