package dev.concierge.kiosk;

import java.util.Locale;
import java.util.Optional;

/** The languages a guest can pick at the kiosk; each has its resource bundle of the kiosk's texts. */
enum Language {
    ENGLISH("en", "English"),
    SPANISH("es", "Español");

    private final String code;
    private final String ownName;

    Language(String code, String ownName) {
        this.code = code;
        this.ownName = ownName;
    }

    /** The code the API uses ({@code en}, {@code es}). */
    String code() {
        return code;
    }

    /** The language's name in itself, as its button shows it whatever the kiosk's language. */
    String ownName() {
        return ownName;
    }

    Locale locale() {
        return Locale.forLanguageTag(code);
    }

    static Optional<Language> of(String code) {
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
