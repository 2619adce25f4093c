package dev.concierge.console.signin;

import atlantafx.base.theme.Styles;
import dev.concierge.console.Controls;
import dev.concierge.console.Texts;
import dev.concierge.console.signin.SignInViewModel.Phase;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in card in the middle of the window: e-mail, password, Sign in (Enter in either field signs in too). */
public final class SignInView extends StackPane {
    private final SignInViewModel model;
    private final TextField email = new TextField();
    private final PasswordField password = new PasswordField();

    public SignInView(SignInViewModel model) {
        this.model = model;
        Texts texts = model.texts();

        Label title = Controls.label("sign-in-title", texts.get("signin.title"), Styles.TITLE_3);

        Label server = new Label();
        server.setId("sign-in-server");
        server.textProperty().bind(model.serverTextProperty());
        server.accessibleTextProperty().bind(model.serverTextProperty());
        server.getStyleClass().add(Styles.TEXT_MUTED);
        showWhenNotEmpty(server, model.serverTextProperty().isNotEmpty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("sign-in-progress-indicator");
        spinner.setAccessibleText(texts.get("signin.working"));
        spinner.setPrefSize(18, 18);
        Label progress = new Label();
        progress.setId("sign-in-progress");
        progress.textProperty().bind(model.progressProperty());
        progress.accessibleTextProperty().bind(model.progressProperty());
        HBox progressRow = new HBox(8, spinner, progress);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        showWhenNotEmpty(progressRow, model.progressProperty().isNotEmpty());

        Label problem = new Label();
        problem.setId("sign-in-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.accessibleTextProperty().bind(model.problemProperty());
        problem.getStyleClass().add(Styles.DANGER);
        showWhenNotEmpty(problem, model.problemProperty().isNotEmpty());

        Button retry = new Button(texts.get("signin.retry"));
        retry.setId("retry");
        retry.setAccessibleText(texts.get("signin.retry.help"));
        retry.setOnAction(event -> model.retry());
        retry.visibleProperty().bind(model.phaseProperty().isEqualTo(Phase.START_FAILED));
        retry.managedProperty().bind(retry.visibleProperty());
        retry.defaultButtonProperty().bind(retry.visibleProperty());

        BooleanBinding editable = model.phaseProperty().isEqualTo(Phase.READY);
        Label emailLabel = Controls.label("email-label", texts.get("signin.email"));
        emailLabel.setLabelFor(email);
        email.setId("email");
        email.setAccessibleText(texts.get("signin.email"));
        email.setPromptText(texts.get("signin.email.prompt"));
        email.textProperty().bindBidirectional(model.emailProperty());
        email.disableProperty().bind(editable.not());
        email.setOnAction(event -> model.signIn());

        Label passwordLabel = Controls.label("password-label", texts.get("signin.password"));
        passwordLabel.setLabelFor(password);
        password.setId("password");
        password.setAccessibleText(texts.get("signin.password"));
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.disableProperty().bind(editable.not());
        password.setOnAction(event -> model.signIn());

        Button signIn = new Button(texts.get("signin.signIn"));
        signIn.setId("sign-in");
        signIn.setAccessibleText(texts.get("signin.signIn"));
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(model.canSignIn().not());
        signIn.setOnAction(event -> model.signIn());

        Label demo = new Label();
        demo.setId("demo-accounts");
        demo.setWrapText(true);
        demo.textProperty().bind(model.demoHintProperty());
        demo.accessibleTextProperty().bind(model.demoHintProperty());
        demo.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        showWhenNotEmpty(demo, model.demoHintProperty().isNotEmpty());

        VBox card = new VBox(
                10,
                title,
                server,
                progressRow,
                problem,
                retry,
                emailLabel,
                email,
                passwordLabel,
                password,
                signIn,
                demo);
        card.setId("sign-in-card");
        card.getStyleClass().add("sign-in-card");
        Controls.centredCard(this, card, 420);

        model.phaseProperty().addListener((observable, before, now) -> {
            if (now == Phase.READY) {
                focusFirstEmptyField();
            }
        });
    }

    /** The password when the e-mail is filled in (remembered, or after a failed try), else the e-mail. */
    public void focusFirstEmptyField() {
        if (model.getPhase() != Phase.READY) {
            return;
        }
        (email.getText().isBlank() ? email : password).requestFocus();
    }

    private static void showWhenNotEmpty(javafx.scene.Node node, BooleanBinding notEmpty) {
        node.visibleProperty().bind(notEmpty);
        node.managedProperty().bind(node.visibleProperty());
    }
}
