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
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/** The Settings screen: one tab per part, each with its list, its form and its own notice or problem. */
public final class SettingsView extends BorderPane {
    /** The kiosk's own accent (kiosk.css), shown while the venue has no colour of its own. */
    private static final String OWN_COLOR = "#ffd166";

    private static final List<String> ROLES = List.of("front_desk", "manager", "owner");

    private final SettingsViewModel model;
    private final dev.concierge.console.Texts texts;
    private final VenueProfile venue;

    public SettingsView(SettingsViewModel model, VenueProfile venue) {
        this.model = model;
        this.texts = model.texts();
        this.venue = venue;
        setId("settings");
        Label title = Controls.label("settings-title", texts.get("screen.settings"), Styles.TITLE_3);
        BorderPane.setMargin(title, new Insets(0, 0, 8, 0));
        setTop(title);
        TabPane tabs = new TabPane(
                tab("venue", texts.get("settings.tab.venue"), venueTab()),
                tab("integrations", texts.get("settings.tab.integrations"), integrationsTab()),
                tab("staff", texts.get("settings.tab.staff"), staffTab()),
                tab("kiosks", texts.get("settings.tab.kiosks"), kiosksTab()),
                tab("website", texts.get("settings.tab.website"), websiteTab()));
        tabs.setId("settings-tabs");
        tabs.setAccessibleText(texts.get("settings.tabs"));
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
            {"name", texts.get("form.name"), venue.name()},
            {"time-zone", texts.get("settings.timeZone"), venue.timezone()},
            {"currency", texts.get("settings.currency"), venue.currency()},
            {"languages", texts.get("settings.languages"), String.join(", ", venue.languages())}
        };
        for (int i = 0; i < facts.length; i++) {
            String id = "settings-venue-" + facts[i][0];
            about.addRow(
                    i,
                    Controls.label(id + "-label", facts[i][1], Styles.TEXT_MUTED),
                    Controls.label(id, facts[i][2], Styles.TEXT_BOLD));
        }
        Label fromFile = Controls.label(
                "settings-venue-file", texts.get("settings.venueFile"), Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        fromFile.setWrapText(true);

        TextField days =
                field("settings-retention", texts.get("settings.retention.help"), model.retentionDaysProperty());
        days.setPrefColumnCount(5);
        Button save = Controls.button(
                "settings-retention-save",
                texts.get("settings.save"),
                texts.get("settings.retention.save"),
                model::saveRetention);
        days.setOnAction(event -> model.saveRetention());
        HBox retention = new HBox(
                8,
                Controls.label("settings-retention-label", texts.get("settings.retention")),
                days,
                new Label(texts.get("settings.days")),
                save);
        retention.setAlignment(Pos.CENTER_LEFT);

        ColorPicker picker = new ColorPicker();
        picker.setId("settings-brand-color");
        picker.setAccessibleText(texts.get("settings.brand.color"));
        showColor(picker, model.brandColorProperty().get());
        model.brandColorProperty().addListener((observable, before, now) -> showColor(picker, now));
        picker.setOnAction(event -> model.brandColorProperty().set(hex(picker.getValue())));
        HBox brand = new HBox(
                8,
                Controls.label("settings-brand-label", texts.get("settings.brand.color")),
                picker,
                Controls.button(
                        "settings-brand-save",
                        texts.get("settings.save"),
                        texts.get("settings.brand.save"),
                        model::saveBrandColor),
                Controls.button(
                        "settings-brand-own",
                        texts.get("settings.brand.own"),
                        texts.get("settings.brand.own"),
                        model::useOwnColor));
        brand.setAlignment(Pos.CENTER_LEFT);
        Label brandHelp = Controls.label(
                "settings-brand-help", texts.get("settings.brand.help"), Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        brandHelp.setWrapText(true);
        return section(
                List.of(
                        heading("settings-venue-heading", texts.get("settings.theVenue")),
                        about,
                        fromFile,
                        heading("settings-privacy-heading", texts.get("settings.privacy")),
                        retention,
                        heading("settings-brand-heading", texts.get("settings.brand")),
                        brand,
                        brandHelp),
                model.venueFeedback(),
                "settings-venue");
    }

    private Node integrationsTab() {
        TableView<IntegrationRow> table = table(
                "settings-integrations-table",
                texts.get("settings.integrations"),
                model.integrations(),
                List.of(
                        column(texts.get("form.service"), IntegrationRow::service, 90),
                        column(texts.get("settings.setting"), IntegrationRow::label, 220),
                        column(texts.get("settings.value"), IntegrationRow::shown, 200),
                        column(texts.get("settings.set"), IntegrationRow::source, 190)));
        bindSelection(table, model.integrationProperty());

        TextInputControl value = new PasswordField();
        value.setId("settings-integration-value");
        value.setAccessibleText(texts.get("settings.newValue.help"));
        value.setPromptText(texts.get("settings.newValue.prompt"));
        value.textProperty().bindBidirectional(model.integrationValueProperty());
        HBox.setHgrow(value, Priority.ALWAYS);
        Button save = Controls.button(
                "settings-integration-save",
                texts.get("settings.store"),
                texts.get("settings.store.help"),
                model::saveIntegration,
                Styles.ACCENT);
        Button clear = Controls.button(
                "settings-integration-clear",
                texts.get("settings.remove"),
                texts.get("settings.remove.help"),
                model::clearIntegration);
        HBox edit = new HBox(8, value, save, clear);
        edit.setAlignment(Pos.CENTER_LEFT);
        edit.disableProperty().bind(model.integrationProperty().isNull());
        Node change = model.owner()
                ? edit
                : Controls.label(
                        "settings-integrations-owner-only", texts.get("settings.ownerOnlyHint"), Styles.TEXT_MUTED);

        HBox tests = new HBox(8, Controls.label("settings-test-label", texts.get("settings.test")));
        for (String[] service : new String[][] {
            {"stripe", "Stripe"}, {"openai", "OpenAI"}, {"n8n", "n8n"}, {"google", "Google"}, {"heygen", "HeyGen"}
        }) {
            tests.getChildren()
                    .add(Controls.button(
                            "settings-test-" + service[0],
                            service[1],
                            texts.get("settings.test.help", service[1]),
                            () -> model.testConnection(service[0])));
        }
        tests.setAlignment(Pos.CENTER_LEFT);
        Label restart = Controls.message(
                "settings-restart",
                Bindings.when(model.restartNeededProperty())
                        .then(texts.get("settings.restart"))
                        .otherwise(""),
                Styles.WARNING);
        VBox.setVgrow(table, Priority.ALWAYS);
        return section(List.of(table, change, tests, restart), model.integrationFeedback(), "settings-integrations");
    }

    private Node staffTab() {
        TableView<StaffAccount> table = table(
                "settings-accounts-table",
                texts.get("settings.accounts"),
                model.accounts(),
                List.of(
                        column(texts.get("form.name"), StaffAccount::name, 160),
                        column(texts.get("signin.email"), StaffAccount::email, 220),
                        column(texts.get("settings.role"), a -> model.words(a.role()), 100),
                        column(
                                texts.get("settings.signsIn"),
                                a -> texts.get(a.active() ? "settings.yes" : "settings.switchedOff"),
                                130)));
        bindSelection(table, model.accountProperty());

        ComboBox<String> role = roles("settings-account-role", texts.get("settings.role.help"));
        role.setPromptText(texts.get("settings.changeRole"));
        role.setOnAction(event -> {
            if (role.getValue() != null) {
                model.changeRole(role.getValue());
                role.getSelectionModel().clearSelection();
            }
        });
        Button active = Controls.button(
                "settings-account-active",
                texts.get("settings.switch"),
                texts.get("settings.switch.help"),
                model::toggleActive);
        HBox selected = new HBox(8, role, active);
        selected.disableProperty().bind(model.accountProperty().isNull());

        TextField email = field("settings-new-email", texts.get("settings.newEmail.help"), model.newEmailProperty());
        email.setPromptText(texts.get("settings.newEmail"));
        TextField name = field("settings-new-name", texts.get("settings.newName.help"), model.newNameProperty());
        name.setPromptText(texts.get("settings.newName"));
        ComboBox<String> newRole = roles("settings-new-role", texts.get("settings.newRole.help"));
        newRole.valueProperty().bindBidirectional(model.newRoleProperty());
        PasswordField password = new PasswordField();
        password.setId("settings-new-password");
        password.setAccessibleText(texts.get("settings.newPassword.help"));
        password.setPromptText(texts.get("settings.newPassword"));
        password.textProperty().bindBidirectional(model.newPasswordProperty());
        Button add = Controls.button(
                "settings-account-add",
                texts.get("settings.addAccount"),
                texts.get("settings.addAccount.help"),
                model::addAccount,
                Styles.ACCENT);
        add.setMinWidth(Region.USE_PREF_SIZE); // the fields give way to the button's words
        HBox form = new HBox(8, email, name, newRole, password, add);
        form.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        return section(
                List.of(
                        table,
                        selected,
                        heading("settings-new-account-heading", texts.get("settings.newAccount")),
                        form),
                model.accountFeedback(),
                "settings-accounts");
    }

    private Node kiosksTab() {
        TableView<KioskSummary> table = table(
                "settings-kiosks-table",
                texts.get("settings.tab.kiosks"),
                model.kiosks(),
                List.of(
                        column(texts.get("settings.kiosk"), KioskSummary::name, 180),
                        column(
                                texts.get("settings.cardReader"),
                                k -> k.readerId() == null ? texts.get("settings.desksReader") : k.readerId(),
                                180),
                        column(texts.get("orders.column.status"), k -> texts.word("kiosk.status", k.status()), 100),
                        column(
                                texts.get("settings.pairedAt"),
                                k -> k.pairedAt() == null ? "—" : model.day(k.pairedAt()),
                                120)));
        bindSelection(table, model.kioskProperty());
        Node unpair = askFirst(
                "settings-kiosk",
                "unpair",
                texts.get("settings.unpair"),
                texts.get("settings.unpair.help"),
                model.kioskProperty(),
                kiosk -> texts.get("settings.unpairQuestion", kiosk.name()),
                model::unpairKiosk);

        TextField name = field("settings-kiosk-name", texts.get("settings.kioskName.help"), model.kioskNameProperty());
        name.setPromptText(texts.get("settings.kioskName.prompt"));
        TextField reader =
                field("settings-kiosk-reader", texts.get("settings.kioskReader.help"), model.kioskReaderProperty());
        reader.setPromptText(texts.get("settings.kioskReader.prompt"));
        Button pair = Controls.button(
                "settings-kiosk-pair",
                texts.get("settings.pair"),
                texts.get("settings.pair.help"),
                model::pairKiosk,
                Styles.ACCENT);
        HBox form = new HBox(8, name, reader, pair);
        form.setAlignment(Pos.CENTER_LEFT);
        Label code = Controls.message("settings-pairing-code", model.pairingCodeProperty(), Styles.TITLE_1);
        code.setStyle("-fx-font-family: monospace; -fx-letter-spacing: 4;");
        Label help = Controls.message("settings-pairing-help", model.pairingHelpProperty(), Styles.TEXT_MUTED);
        VBox.setVgrow(table, Priority.ALWAYS);
        return section(
                List.of(
                        table,
                        unpair,
                        heading("settings-pair-heading", texts.get("settings.pairHeading")),
                        form,
                        code,
                        help),
                model.kioskFeedback(),
                "settings-kiosks");
    }

    private Node websiteTab() {
        TableView<PublicKeySummary> table = table(
                "settings-keys-table",
                texts.get("settings.keys"),
                model.keys(),
                List.of(
                        column(texts.get("settings.website"), PublicKeySummary::name, 160),
                        column(texts.get("settings.key"), k -> k.prefix() + "…", 140),
                        column(
                                texts.get("settings.pages"),
                                k -> k.origins().isEmpty() ? texts.get("settings.any") : String.join(", ", k.origins()),
                                260),
                        column(texts.get("settings.made"), k -> model.day(k.createdAt()), 110)));
        bindSelection(table, model.keyProperty());
        Node revoke = askFirst(
                "settings-key",
                "revoke",
                texts.get("settings.revoke"),
                texts.get("settings.revoke.help"),
                model.keyProperty(),
                key -> texts.get("settings.revokeQuestion", key.name()),
                model::revokeKey);

        TextField name = field("settings-key-name", texts.get("settings.keyName.help"), model.keyNameProperty());
        name.setPromptText(texts.get("settings.keyName.prompt"));
        TextField origins =
                field("settings-key-origins", texts.get("settings.keyOrigins.help"), model.keyOriginsProperty());
        origins.setPromptText("https://www.example.com, https://example.com");
        HBox.setHgrow(origins, Priority.ALWAYS);
        Button create = Controls.button(
                "settings-key-create",
                texts.get("settings.makeKey"),
                texts.get("settings.makeKey.help"),
                model::createKey,
                Styles.ACCENT);
        HBox form = new HBox(8, name, origins, create);
        form.setAlignment(Pos.CENTER_LEFT);

        TextArea snippet = new TextArea();
        snippet.setId("settings-snippet");
        snippet.setAccessibleText(texts.get("settings.snippet.help"));
        snippet.setEditable(false);
        snippet.setWrapText(true);
        snippet.setPrefRowCount(2);
        snippet.textProperty().bind(model.snippetProperty());
        Button copy = Controls.button(
                "settings-snippet-copy", texts.get("settings.copy"), texts.get("settings.copy.help"), () -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(model.snippetProperty().get());
                    Clipboard.getSystemClipboard().setContent(content);
                    model.keyFeedback().done(texts.get("settings.copied"));
                });
        HBox.setHgrow(snippet, Priority.ALWAYS);
        HBox tag = new HBox(8, snippet, copy);
        tag.visibleProperty().bind(model.snippetProperty().isNotEmpty());
        tag.managedProperty().bind(tag.visibleProperty());
        VBox.setVgrow(table, Priority.ALWAYS);
        return section(
                List.of(table, revoke, heading("settings-new-key-heading", texts.get("settings.newKey")), form, tag),
                model.keyFeedback(),
                "settings-keys");
    }

    /**
     * A button for something that cannot be undone on the selected row ("Unpair…"), and the question it asks first:
     * {@code action} confirms (Enter), Keep it (Escape) does nothing.
     */
    private <T> Node askFirst(
            String id,
            String actionId,
            String action,
            String accessibleText,
            javafx.beans.property.ObjectProperty<@Nullable T> selected,
            Function<T, String> question,
            Runnable confirmed) {
        StringProperty asking = new SimpleStringProperty("");
        Button ask = Controls.button(id + "-" + actionId, action + "…", accessibleText, () -> {
            T row = selected.get();
            asking.set(row == null ? "" : question.apply(row));
        });
        ask.disableProperty().bind(selected.isNull());
        Button yes = Controls.button(
                id + "-confirm",
                action,
                action,
                () -> {
                    asking.set("");
                    confirmed.run();
                },
                Styles.DANGER);
        Button no =
                Controls.button(id + "-keep", texts.get("orders.keep"), texts.get("orders.keep"), () -> asking.set(""));
        return new VBox(8, ask, Controls.confirmation(id + "-confirmation", id + "-question", asking, yes, no));
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

    /** Shows the venue's colour in the picker; none shows Concierge's own amber. */
    private static void showColor(ColorPicker picker, String color) {
        picker.setValue(Color.web(color.isEmpty() ? OWN_COLOR : color));
    }

    private static String hex(Color color) {
        return String.format(
                "#%02x%02x%02x",
                Math.round(color.getRed() * 255),
                Math.round(color.getGreen() * 255),
                Math.round(color.getBlue() * 255));
    }

    private static TextField field(String id, String accessibleText, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setAccessibleText(accessibleText);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private ComboBox<String> roles(String id, String accessibleText) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setAccessibleText(accessibleText);
        box.getItems().setAll(ROLES);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(@Nullable String role) {
                return role == null ? "" : model.words(role);
            }

            @Override
            public String fromString(String text) {
                return ROLES.stream()
                        .filter(role -> model.words(role).equals(text))
                        .findFirst()
                        .orElse(text.replace(' ', '_'));
            }
        });
        return box;
    }

    private <T> TableView<T> table(
            String id, String name, javafx.collections.ObservableList<T> rows, List<TableColumn<T, String>> columns) {
        TableView<T> table = new TableView<>(rows);
        table.setId(id);
        table.setAccessibleText(name);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(Controls.label(id + "-empty", texts.get("settings.none"), Styles.TEXT_MUTED));
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
