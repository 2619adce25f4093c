package dev.concierge.kiosk;

import atlantafx.base.theme.Styles;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The welcome screen: a large welcome and big buttons to pick the language. */
final class WelcomeView extends BorderPane {
    private final Map<Language, Button> languageButtons;

    WelcomeView(WelcomeViewModel model) {
        Label welcome = new Label();
        welcome.setId("welcome");
        welcome.getStyleClass().add("welcome");
        welcome.textProperty().bind(model.welcomeTextProperty());
        welcome.accessibleTextProperty().bind(model.welcomeTextProperty());

        Button english = languageButton(model, Language.ENGLISH, "language-en", "EN", "English");
        Button spanish = languageButton(model, Language.SPANISH, "language-es", "ES", "Español");
        languageButtons = Map.of(Language.ENGLISH, english, Language.SPANISH, spanish);
        model.languageProperty().addListener((observable, before, chosen) -> markChosen(chosen));
        markChosen(model.getLanguage());

        HBox languages = new HBox(24, english, spanish);
        languages.setAlignment(Pos.CENTER);
        languages.setPadding(new Insets(48));

        setCenter(welcome);
        setBottom(languages);
    }

    private static Button languageButton(
            WelcomeViewModel model, Language language, String id, String text, String name) {
        Button button = new Button(text);
        button.setId(id);
        button.setAccessibleText(name);
        button.getStyleClass().add("language-button");
        button.setOnAction(event -> model.choose(language));
        return button;
    }

    private void markChosen(Language chosen) {
        languageButtons.forEach((language, button) -> {
            button.getStyleClass().remove(Styles.ACCENT);
            if (language == chosen) {
                button.getStyleClass().add(Styles.ACCENT);
            }
        });
    }
}
