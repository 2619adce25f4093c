package dev.concierge.console.firstrun;

import static dev.concierge.console.Controls.label;
import static dev.concierge.console.Controls.message;

import atlantafx.base.theme.Styles;
import dev.concierge.console.Controls;
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
        setId("first-run");

        VBox card = new VBox(
                8,
                label("first-run-title", "Set up Concierge", Styles.TITLE_3),
                label(
                        "first-run-intro",
                        "This server has no staff accounts yet. Create the owner's: the owner then adds the staff.",
                        Styles.TEXT_MUTED),
                label("first-run-server", model.serverText(), Styles.TEXT_SMALL, Styles.TEXT_MUTED));
        ((Label) card.getChildren().get(1)).setWrapText(true);
        if (model.codeNeeded()) {
            code.setPromptText("ABCD-EFGH");
            field(
                    card,
                    "setup-code",
                    "Setup code (printed where the server started)",
                    code,
                    model.codeProperty(),
                    model.codeProblemProperty());
        }
        name.setPromptText("e.g. Marta Ferrer");
        field(card, "owner-name", "Owner's name", name, model.nameProperty(), model.nameProblemProperty());
        TextField email = new TextField();
        email.setPromptText("owner@venue.example");
        field(card, "owner-email", "E-mail", email, model.emailProperty(), model.emailProblemProperty());
        field(
                card,
                "owner-password",
                "Password (at least 10 characters)",
                new PasswordField(),
                model.passwordProperty(),
                model.passwordProblemProperty());
        field(
                card,
                "owner-password-again",
                "Password again",
                new PasswordField(),
                model.repeatedProperty(),
                model.repeatedProblemProperty());

        Button create = new Button("Create the owner and sign in");
        create.setId("create-owner");
        create.setAccessibleText("Create the owner's account and sign in");
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
