package dev.concierge.console.firstrun;

import static dev.concierge.console.Controls.label;
import static dev.concierge.console.Controls.message;

import atlantafx.base.theme.Styles;
import dev.concierge.console.Controls;
import dev.concierge.console.Texts;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The first run's card: the owner's account, Enter in any field creates it. */
public final class FirstRunView extends StackPane {
    private final FirstRunViewModel model;
    private final TextField name = new TextField();
    private final TextField code = new TextField();

    public FirstRunView(FirstRunViewModel model) {
        this.model = model;
        Texts texts = model.texts();
        setId("first-run");

        VBox card = new VBox(
                8,
                label("first-run-title", texts.get("firstrun.title"), Styles.TITLE_3),
                label("first-run-intro", texts.get("firstrun.intro"), Styles.TEXT_MUTED),
                label("first-run-server", model.serverText(), Styles.TEXT_SMALL, Styles.TEXT_MUTED));
        ((Label) card.getChildren().get(1)).setWrapText(true);
        if (model.codeNeeded()) {
            code.setPromptText("ABCD-EFGH");
            field(
                    card,
                    "setup-code",
                    texts.get("firstrun.code"),
                    code,
                    model.codeProperty(),
                    model.codeProblemProperty());
        }
        name.setPromptText(texts.get("firstrun.name.prompt"));
        field(card, "owner-name", texts.get("firstrun.name"), name, model.nameProperty(), model.nameProblemProperty());
        TextField email = new TextField();
        email.setPromptText("owner@venue.example");
        field(
                card,
                "owner-email",
                texts.get("firstrun.email"),
                email,
                model.emailProperty(),
                model.emailProblemProperty());
        field(
                card,
                "owner-password",
                texts.get("firstrun.password"),
                new PasswordField(),
                model.passwordProperty(),
                model.passwordProblemProperty());
        field(
                card,
                "owner-password-again",
                texts.get("firstrun.repeated"),
                new PasswordField(),
                model.repeatedProperty(),
                model.repeatedProblemProperty());

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
        Controls.centredCard(this, card, 440);
    }

    private void field(
            VBox card,
            String id,
            String text,
            TextField field,
            StringProperty value,
            ReadOnlyStringProperty fieldProblem) {
        Label caption = label(id + "-label", text);
        caption.setLabelFor(field);
        field.setId(id);
        field.setAccessibleText(text);
        field.textProperty().bindBidirectional(value);
        field.disableProperty().bind(model.busyProperty());
        field.setOnAction(event -> model.create());
        Node problem = message(id + "-problem", fieldProblem, Styles.DANGER, Styles.TEXT_SMALL);
        card.getChildren().addAll(caption, field, problem);
    }

    /** The code when the person must type it, else the owner's name. */
    public void focusFirstField() {
        (model.codeNeeded() ? code : name).requestFocus();
    }
}
