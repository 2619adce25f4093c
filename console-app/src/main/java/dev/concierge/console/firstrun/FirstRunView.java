package dev.concierge.console.firstrun;

import static dev.concierge.console.Controls.label;
import static dev.concierge.console.Controls.message;

import atlantafx.base.theme.Styles;
import dev.concierge.console.Controls;
import dev.concierge.console.Texts;
import java.io.File;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The first run's card: the venue's basics (or "Import a venue file…") when the server has no venue, then the owner's
 * account; Enter in any field sends that step.
 */
public final class FirstRunView extends StackPane {
    private final FirstRunViewModel model;
    private final Texts texts;
    private final TextField name = new TextField();
    private final TextField venueName = new TextField();
    private final TextField code = new TextField();

    public FirstRunView(FirstRunViewModel model) {
        this.model = model;
        this.texts = model.texts();
        setId("first-run");
        boolean venueFirst = model.venueStepProperty().get();
        VBox owner = ownerCard(!venueFirst);
        Controls.centredCard(this, owner, 440);
        if (venueFirst) {
            VBox venue = venueCard();
            Controls.centredCard(this, venue, 480);
            owner.setVisible(false);
            // the owner's card once the venue is saved (the code typed for it is kept)
            model.venueStepProperty().addListener((observable, before, now) -> {
                if (!now) {
                    venue.setVisible(false);
                    owner.setVisible(true);
                    name.requestFocus();
                }
            });
        }
    }

    private VBox ownerCard(boolean withCode) {
        VBox card = new VBox(
                8,
                label("first-run-title", texts.get("firstrun.title"), Styles.TITLE_3),
                label("first-run-intro", texts.get("firstrun.intro"), Styles.TEXT_MUTED),
                label("first-run-server", model.serverText(), Styles.TEXT_SMALL, Styles.TEXT_MUTED));
        ((Label) card.getChildren().get(1)).setWrapText(true);
        card.getChildren().add(message("first-run-notice", model.noticeProperty(), Styles.SUCCESS));
        if (withCode && model.codeNeeded()) {
            codeField(card, model::create);
        }
        name.setPromptText(texts.get("firstrun.name.prompt"));
        field(
                card,
                "owner-name",
                texts.get("firstrun.name"),
                name,
                model.nameProperty(),
                model.nameProblemProperty(),
                model::create);
        TextField email = new TextField();
        email.setPromptText("owner@venue.example");
        field(
                card,
                "owner-email",
                texts.get("firstrun.email"),
                email,
                model.emailProperty(),
                model.emailProblemProperty(),
                model::create);
        field(
                card,
                "owner-password",
                texts.get("firstrun.password"),
                new PasswordField(),
                model.passwordProperty(),
                model.passwordProblemProperty(),
                model::create);
        field(
                card,
                "owner-password-again",
                texts.get("firstrun.repeated"),
                new PasswordField(),
                model.repeatedProperty(),
                model.repeatedProblemProperty(),
                model::create);

        Button create = new Button(texts.get("firstrun.create"));
        create.setId("create-owner");
        create.setAccessibleText(texts.get("firstrun.create.help"));
        create.getStyleClass().add(Styles.ACCENT);
        create.setMaxWidth(Double.MAX_VALUE);
        create.disableProperty().bind(model.busyProperty());
        create.setOnAction(event -> model.create());
        card.getChildren()
                .addAll(
                        create,
                        message("first-run-progress", model.progressProperty(), Styles.TEXT_MUTED),
                        message("first-run-problem", model.problemProperty(), Styles.DANGER));
        card.setId("first-run-card");
        return card;
    }

    /** The venue's name, zone, currency and languages, or a whole venue file instead. */
    private VBox venueCard() {
        VBox card = new VBox(
                8,
                label("venue-setup-title", texts.get("firstrun.venue.title"), Styles.TITLE_3),
                label("venue-setup-intro", texts.get("firstrun.venue.intro"), Styles.TEXT_MUTED),
                label("venue-setup-server", model.serverText(), Styles.TEXT_SMALL, Styles.TEXT_MUTED));
        ((Label) card.getChildren().get(1)).setWrapText(true);
        if (model.codeNeeded()) {
            codeField(card, model::saveVenue);
        }
        venueName.setPromptText(texts.get("firstrun.venue.name.prompt"));
        field(
                card,
                "venue-name",
                texts.get("firstrun.venue.name"),
                venueName,
                model.venueNameProperty(),
                model.venueNameProblemProperty(),
                model::saveVenue);
        TextField zone = new TextField();
        zone.setPromptText("Europe/Madrid");
        field(
                card,
                "venue-timezone",
                texts.get("firstrun.venue.timezone"),
                zone,
                model.timezoneProperty(),
                model.timezoneProblemProperty(),
                model::saveVenue);
        TextField currency = new TextField();
        currency.setPromptText("EUR");
        field(
                card,
                "venue-currency",
                texts.get("firstrun.venue.currency"),
                currency,
                model.currencyProperty(),
                model.currencyProblemProperty(),
                model::saveVenue);
        CheckBox english = checkBox("venue-english", texts.get("firstrun.venue.english"), model.englishProperty());
        CheckBox spanish = checkBox("venue-spanish", texts.get("firstrun.venue.spanish"), model.spanishProperty());
        HBox languages = new HBox(16, english, spanish);
        card.getChildren()
                .addAll(
                        label("venue-languages-label", texts.get("firstrun.venue.languages")),
                        languages,
                        message("venue-languages-problem", model.languagesProblemProperty(), Styles.DANGER));

        Button save = Controls.button(
                "save-venue",
                texts.get("firstrun.venue.save"),
                texts.get("firstrun.venue.save.help"),
                model::saveVenue,
                Styles.ACCENT);
        save.setMaxWidth(Double.MAX_VALUE);
        save.disableProperty().bind(model.busyProperty());
        Button importFile = Controls.button(
                "import-venue-file",
                texts.get("firstrun.venue.import"),
                texts.get("firstrun.venue.import.help"),
                this::chooseVenueFile);
        importFile.setMaxWidth(Double.MAX_VALUE);
        importFile.disableProperty().bind(model.busyProperty());
        Label problem = message("venue-setup-problem", model.problemProperty(), Styles.DANGER);
        problem.setWrapText(true);
        card.getChildren()
                .addAll(
                        save,
                        importFile,
                        message("venue-setup-progress", model.progressProperty(), Styles.TEXT_MUTED),
                        problem);
        card.setId("venue-setup-card");
        return card;
    }

    private void chooseVenueFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("firstrun.venue.chooser"));
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter(texts.get("firstrun.venue.files"), "*.yaml", "*.yml"));
        File chosen = chooser.showOpenDialog(getScene().getWindow());
        if (chosen != null) {
            model.importVenueFile(chosen.toPath());
        }
    }

    private CheckBox checkBox(String id, String text, BooleanProperty value) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setAccessibleText(text);
        box.selectedProperty().bindBidirectional(value);
        box.disableProperty().bind(model.busyProperty());
        return box;
    }

    private void codeField(VBox card, Runnable send) {
        code.setPromptText("ABCD-EFGH");
        field(
                card,
                "setup-code",
                texts.get("firstrun.code"),
                code,
                model.codeProperty(),
                model.codeProblemProperty(),
                send);
    }

    private void field(
            VBox card,
            String id,
            String text,
            TextField field,
            StringProperty value,
            ReadOnlyStringProperty fieldProblem,
            Runnable send) {
        Label caption = label(id + "-label", text);
        caption.setLabelFor(field);
        field.setId(id);
        field.setAccessibleText(text);
        field.textProperty().bindBidirectional(value);
        field.disableProperty().bind(model.busyProperty());
        field.setOnAction(event -> send.run());
        Node problem = message(id + "-problem", fieldProblem, Styles.DANGER, Styles.TEXT_SMALL);
        card.getChildren().addAll(caption, field, problem);
    }

    /** The code when the person must type it, else the first field of the step showing. */
    public void focusFirstField() {
        if (model.codeNeeded()) {
            code.requestFocus();
        } else {
            (model.venueStepProperty().get() ? venueName : name).requestFocus();
        }
    }
}
