package dev.concierge.console.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.concierge.api.KioskSummary;
import dev.concierge.api.PublicKeySummary;
import dev.concierge.api.StaffAccount;
import dev.concierge.api.VenueProfile;
import dev.concierge.console.Controls;
import dev.concierge.console.Feedback;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/** The Settings screen: one tab per part, each with its list, its form and its own notice or problem. */
public final class SettingsView extends BorderPane {
    private static final List<String> ROLES = List.of("front_desk", "manager", "owner");

    private final SettingsViewModel model;
    private final VenueProfile venue;

    public SettingsView(SettingsViewModel model, VenueProfile venue) {
        this.model = model;
        this.venue = venue;
        setId("settings");
        Label title = Controls.label("settings-title", "Settings", Styles.TITLE_3);
        BorderPane.setMargin(title, new Insets(0, 0, 8, 0));
        setTop(title);
        TabPane tabs = new TabPane(
                tab("venue", "Venue", venueTab()),
                tab("integrations", "Integrations", integrationsTab()),
                tab("staff", "Staff", staffTab()),
                tab("kiosks", "Kiosks", kiosksTab()),
                tab("website", "Website chat", websiteTab()));
        tabs.setId("settings-tabs");
        tabs.setAccessibleText("Settings: venue, integrations, staff, kiosks, website chat");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        setCenter(tabs);
        setPadding(new Insets(16, 24, 12, 24));
    }

    private static Tab tab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("settings-tab-" + id);
        return tab;
    }

    private Node venueTab() {
        GridPane about = new GridPane();
        about.setHgap(12);
        about.setVgap(6);
        String[][] facts = {
            {"Name", venue.name()},
            {"Time zone", venue.timezone()},
            {"Currency", venue.currency()},
            {"Languages", String.join(", ", venue.languages())}
        };
        for (int i = 0; i < facts.length; i++) {
            String id = "settings-venue-" + facts[i][0].toLowerCase(Locale.ROOT).replace(' ', '-');
            about.addRow(
                    i,
                    Controls.label(id + "-label", facts[i][0], Styles.TEXT_MUTED),
                    Controls.label(id, facts[i][1], Styles.TEXT_BOLD));
        }
        Label fromFile = Controls.label(
                "settings-venue-file",
                "Opening hours, services, rooms and the menu come from the venue file; the server reads it again when"
                        + " it starts.",
                Styles.TEXT_SMALL,
                Styles.TEXT_MUTED);
        fromFile.setWrapText(true);

        TextField days =
                field("settings-retention", "Days a quiet conversation is kept", model.retentionDaysProperty());
        days.setPrefColumnCount(5);
        Button save = Controls.button(
                "settings-retention-save", "Save", "Save how long conversations are kept", model::saveRetention);
        days.setOnAction(event -> model.saveRetention());
        HBox retention = new HBox(
                8,
                Controls.label("settings-retention-label", "Keep quiet conversations for"),
                days,
                new Label("days"),
                save);
        retention.setAlignment(Pos.CENTER_LEFT);
        return section(
                List.of(
                        heading("settings-venue-heading", "The venue"),
                        about,
                        fromFile,
                        heading("settings-privacy-heading", "Privacy"),
                        retention),
                model.venueFeedback(),
                "settings-venue");
    }

    private Node integrationsTab() {
        TableView<IntegrationRow> table = table(
                "settings-integrations-table",
                "Integration settings",
                model.integrations(),
                List.of(
                        column("Service", IntegrationRow::service, 90),
                        column("Setting", IntegrationRow::label, 220),
                        column("Value", IntegrationRow::shown, 200),
                        column("Set", IntegrationRow::source, 190)));
        bindSelection(table, model.integrationProperty());

        TextInputControl value = new PasswordField();
        value.setId("settings-integration-value");
        value.setAccessibleText("New value for the selected setting");
        value.setPromptText("New value (secrets are never shown again)");
        value.textProperty().bindBidirectional(model.integrationValueProperty());
        HBox.setHgrow(value, Priority.ALWAYS);
        Button save = Controls.button(
                "settings-integration-save",
                "Store",
                "Store the value for the selected setting",
                model::saveIntegration,
                Styles.ACCENT);
        Button clear = Controls.button(
                "settings-integration-clear",
                "Remove",
                "Remove the stored value of the selected setting",
                model::clearIntegration);
        HBox edit = new HBox(8, value, save, clear);
        edit.setAlignment(Pos.CENTER_LEFT);
        edit.disableProperty().bind(model.integrationProperty().isNull());
        Node change = model.owner()
                ? edit
                : Controls.label(
                        "settings-integrations-owner-only",
                        "Only the owner may store or remove keys; you may test them.",
                        Styles.TEXT_MUTED);

        HBox tests = new HBox(8, Controls.label("settings-test-label", "Test the connection:"));
        for (String[] service : new String[][] {{"stripe", "Stripe"}, {"openai", "OpenAI"}, {"n8n", "n8n"}}) {
            tests.getChildren()
                    .add(Controls.button(
                            "settings-test-" + service[0],
                            service[1],
                            "Test the connection to " + service[1],
                            () -> model.testConnection(service[0])));
        }
        tests.setAlignment(Pos.CENTER_LEFT);
        Label restart = Controls.message(
                "settings-restart",
                Bindings.when(model.restartNeededProperty())
                        .then("Changes stored since the server started take effect when it next starts.")
                        .otherwise(""),
                Styles.WARNING);
        VBox.setVgrow(table, Priority.ALWAYS);
        return section(List.of(table, change, tests, restart), model.integrationFeedback(), "settings-integrations");
    }

    private Node staffTab() {
        TableView<StaffAccount> table = table(
                "settings-accounts-table",
                "Staff accounts",
                model.accounts(),
                List.of(
                        column("Name", StaffAccount::name, 160),
                        column("E-mail", StaffAccount::email, 220),
                        column("Role", a -> SettingsViewModel.words(a.role()), 100),
                        column("Signs in", a -> a.active() ? "yes" : "no (switched off)", 130)));
        bindSelection(table, model.accountProperty());

        ComboBox<String> role = roles("settings-account-role", "Role for the selected account");
        role.setPromptText("Change role…");
        role.setOnAction(event -> {
            if (role.getValue() != null) {
                model.changeRole(role.getValue());
                role.getSelectionModel().clearSelection();
            }
        });
        Button active = Controls.button(
                "settings-account-active",
                "Switch off / on",
                "Stop or allow the selected account's sign-ins",
                model::toggleActive);
        HBox selected = new HBox(8, role, active);
        selected.disableProperty().bind(model.accountProperty().isNull());

        TextField email = field("settings-new-email", "New account's e-mail", model.newEmailProperty());
        email.setPromptText("e-mail");
        TextField name = field("settings-new-name", "New account's name", model.newNameProperty());
        name.setPromptText("name");
        ComboBox<String> newRole = roles("settings-new-role", "New account's role");
        newRole.valueProperty().bindBidirectional(model.newRoleProperty());
        PasswordField password = new PasswordField();
        password.setId("settings-new-password");
        password.setAccessibleText("New account's first password");
        password.setPromptText("first password (12+ characters)");
        password.textProperty().bindBidirectional(model.newPasswordProperty());
        Button add = Controls.button(
                "settings-account-add", "Add account", "Add the staff account", model::addAccount, Styles.ACCENT);
        HBox form = new HBox(8, email, name, newRole, password, add);
        form.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        return section(
                List.of(table, selected, heading("settings-new-account-heading", "A new account"), form),
                model.accountFeedback(),
                "settings-accounts");
    }

    private Node kiosksTab() {
        TableView<KioskSummary> table = table(
                "settings-kiosks-table",
                "Kiosks",
                model.kiosks(),
                List.of(
                        column("Kiosk", KioskSummary::name, 180),
                        column("Card reader", k -> k.readerId() == null ? "the desk's" : k.readerId(), 180),
                        column("Status", KioskSummary::status, 100),
                        column("Paired", k -> k.pairedAt() == null ? "—" : model.day(k.pairedAt()), 120)));
        bindSelection(table, model.kioskProperty());
        StringProperty asking = new SimpleStringProperty("");
        Button unpair = Controls.button(
                "settings-kiosk-unpair",
                "Unpair…",
                "Unpair the selected kiosk",
                () -> asking.set(
                        model.kioskProperty().get() == null
                                ? ""
                                : "Unpair " + model.kioskProperty().get().name()
                                        + "? It stops at once and needs a new code."));
        unpair.disableProperty().bind(model.kioskProperty().isNull());
        Node confirm = confirmation("settings-kiosk", asking, "Unpair", model::unpairKiosk);

        TextField name = field("settings-kiosk-name", "Name of the new kiosk", model.kioskNameProperty());
        name.setPromptText("e.g. Lobby kiosk");
        TextField reader = field("settings-kiosk-reader", "Its card reader (optional)", model.kioskReaderProperty());
        reader.setPromptText("Stripe reader id, tmr_… (optional)");
        Button pair = Controls.button(
                "settings-kiosk-pair",
                "Get a pairing code",
                "Get a pairing code for a new kiosk",
                model::pairKiosk,
                Styles.ACCENT);
        HBox form = new HBox(8, name, reader, pair);
        form.setAlignment(Pos.CENTER_LEFT);
        Label code = Controls.message("settings-pairing-code", model.pairingCodeProperty(), Styles.TITLE_1);
        code.setStyle("-fx-font-family: monospace; -fx-letter-spacing: 4;");
        Label help = Controls.message("settings-pairing-help", model.pairingHelpProperty(), Styles.TEXT_MUTED);
        VBox.setVgrow(table, Priority.ALWAYS);
        return section(
                List.of(table, unpair, confirm, heading("settings-pair-heading", "Pair a new kiosk"), form, code, help),
                model.kioskFeedback(),
                "settings-kiosks");
    }

    private Node websiteTab() {
        TableView<PublicKeySummary> table = table(
                "settings-keys-table",
                "Website keys",
                model.keys(),
                List.of(
                        column("Website", PublicKeySummary::name, 160),
                        column("Key", k -> k.prefix() + "…", 140),
                        column(
                                "Pages allowed",
                                k -> k.origins().isEmpty() ? "any" : String.join(", ", k.origins()),
                                260),
                        column("Made", k -> model.day(k.createdAt()), 110)));
        bindSelection(table, model.keyProperty());
        StringProperty asking = new SimpleStringProperty("");
        Button revoke = Controls.button(
                "settings-key-revoke",
                "Revoke…",
                "Revoke the selected website key",
                () -> asking.set(
                        model.keyProperty().get() == null
                                ? ""
                                : "Revoke the key of "
                                        + model.keyProperty().get().name() + "? Its website's chat stops at once."));
        revoke.disableProperty().bind(model.keyProperty().isNull());
        Node confirm = confirmation("settings-key", asking, "Revoke", model::revokeKey);

        TextField name = field("settings-key-name", "Name of the website", model.keyNameProperty());
        name.setPromptText("e.g. Hotel website");
        TextField origins = field("settings-key-origins", "Its addresses", model.keyOriginsProperty());
        origins.setPromptText("https://www.example.com, https://example.com");
        HBox.setHgrow(origins, Priority.ALWAYS);
        Button create = Controls.button(
                "settings-key-create",
                "Make a key",
                "Make a public key for the website",
                model::createKey,
                Styles.ACCENT);
        HBox form = new HBox(8, name, origins, create);
        form.setAlignment(Pos.CENTER_LEFT);

        TextArea snippet = new TextArea();
        snippet.setId("settings-snippet");
        snippet.setAccessibleText("The tag to paste into the website");
        snippet.setEditable(false);
        snippet.setWrapText(true);
        snippet.setPrefRowCount(2);
        snippet.textProperty().bind(model.snippetProperty());
        Button copy = Controls.button("settings-snippet-copy", "Copy", "Copy the tag", () -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.snippetProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
            model.keyFeedback().done("Copied: paste it before </body> on the website's pages.");
        });
        HBox.setHgrow(snippet, Priority.ALWAYS);
        HBox tag = new HBox(8, snippet, copy);
        tag.visibleProperty().bind(model.snippetProperty().isNotEmpty());
        tag.managedProperty().bind(tag.visibleProperty());
        VBox.setVgrow(table, Priority.ALWAYS);
        return section(
                List.of(
                        table,
                        revoke,
                        confirm,
                        heading("settings-new-key-heading", "Add the chat to a website"),
                        form,
                        tag),
                model.keyFeedback(),
                "settings-keys");
    }

    private static Node confirmation(String id, StringProperty asking, String action, Runnable confirmed) {
        Button yes = Controls.button(
                id + "-confirm",
                action,
                action,
                () -> {
                    asking.set("");
                    confirmed.run();
                },
                Styles.DANGER);
        Button no = Controls.button(id + "-keep", "Keep it", "Keep it", () -> asking.set(""));
        return Controls.confirmation(id + "-confirmation", id + "-question", asking, yes, no);
    }

    private static VBox section(List<Node> parts, Feedback feedback, String id) {
        VBox box = new VBox(10);
        box.getChildren().addAll(parts);
        box.getChildren()
                .addAll(
                        Controls.message(id + "-notice", feedback.noticeProperty(), Styles.SUCCESS),
                        Controls.message(id + "-problem", feedback.problemProperty(), Styles.DANGER));
        box.setPadding(new Insets(12, 4, 4, 4));
        return box;
    }

    private static Label heading(String id, String text) {
        return Controls.label(id, text, Styles.TITLE_4);
    }

    private static TextField field(String id, String accessibleText, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setAccessibleText(accessibleText);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static ComboBox<String> roles(String id, String accessibleText) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setAccessibleText(accessibleText);
        box.getItems().setAll(ROLES);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(@Nullable String role) {
                return role == null ? "" : SettingsViewModel.words(role);
            }

            @Override
            public String fromString(String text) {
                return text.replace(' ', '_');
            }
        });
        return box;
    }

    private static <T> TableView<T> table(
            String id, String name, javafx.collections.ObservableList<T> rows, List<TableColumn<T, String>> columns) {
        TableView<T> table = new TableView<>(rows);
        table.setId(id);
        table.setAccessibleText(name);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(Controls.label(id + "-empty", "None yet.", Styles.TEXT_MUTED));
        table.getColumns().setAll(columns);
        table.setPrefHeight(220);
        return table;
    }

    private static <T> void bindSelection(TableView<T> table, javafx.beans.property.ObjectProperty<@Nullable T> model) {
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> model.set(now));
        model.addListener((observable, before, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 100));
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
