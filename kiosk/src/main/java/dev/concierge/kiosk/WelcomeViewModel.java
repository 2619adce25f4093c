package dev.concierge.kiosk;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The welcome screen: the language the guest picked and the welcome in it. */
final class WelcomeViewModel {
    private final ReadOnlyObjectWrapper<Language> language =
            new ReadOnlyObjectWrapper<>(this, "language", Language.ENGLISH);
    private final ReadOnlyStringWrapper welcomeText = new ReadOnlyStringWrapper(this, "welcomeText");

    WelcomeViewModel() {
        welcomeText.bind(Bindings.createStringBinding(() -> welcome(language.get()), language));
    }

    void choose(Language chosen) {
        language.set(chosen);
    }

    private static String welcome(Language language) {
        return switch (language) {
            case ENGLISH -> "Welcome";
            case SPANISH -> "Bienvenido";
        };
    }

    ReadOnlyObjectProperty<Language> languageProperty() {
        return language.getReadOnlyProperty();
    }

    Language getLanguage() {
        return language.get();
    }

    ReadOnlyStringProperty welcomeTextProperty() {
        return welcomeText.getReadOnlyProperty();
    }

    String getWelcomeText() {
        return welcomeText.get();
    }
}
