package dev.concierge.kiosk;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The kiosk's own words in one language, from {@code messages*.properties} beside this class. */
final class Texts {
    private static final String BUNDLE = "dev.concierge.kiosk.messages";

    private final Language language;
    private final ResourceBundle bundle;

    private Texts(Language language) {
        this.language = language;
        // no fallback to the machine's own locale: English is the base bundle, whatever the kiosk PC is set to
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Texts of(Language language) {
        return new Texts(language);
    }

    Language language() {
        return language;
    }

    String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(arguments);
    }
}
