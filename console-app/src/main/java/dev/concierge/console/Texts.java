package dev.concierge.console;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The console's words in one language, from {@code messages.properties} (English) and {@code messages_es.properties}
 * (Spanish). Immutable: a switch of language makes a new one, passed to the screens it rebuilds.
 */
public final class Texts {
    static final String BUNDLE = "dev.concierge.console.messages";

    private final UiLanguage language;
    private final ResourceBundle bundle;

    public Texts(UiLanguage language) {
        this.language = language;
        // no fallback to the system's locale: English on a Spanish PC is still English
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                language == UiLanguage.EN ? Locale.ROOT : language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The English words, as the tests of screens read them. */
    public static Texts english() {
        return new Texts(UiLanguage.EN);
    }

    public UiLanguage language() {
        return language;
    }

    /** The locale dates and amounts are written in. */
    public Locale locale() {
        return language.locale();
    }

    /** The text of {@code key}, as written in the bundle. */
    public String get(String key) {
        return bundle.getString(key);
    }

    /**
     * An API word as a person reads it: {@code word("booking.status", "checked_in")} is "checked in" in English and
     * "registrado" in Spanish; a word the bundle does not know is written as {@link Formats#words} writes it.
     */
    public String word(String group, String apiName) {
        String key = group + "." + apiName;
        return bundle.containsKey(key) ? bundle.getString(key) : Formats.words(apiName);
    }

    /** The text of {@code key} with {@code {0}}, {@code {1}}, … filled in ({@link MessageFormat}: '' is one quote). */
    public String get(String key, @org.jspecify.annotations.Nullable Object... args) {
        return new MessageFormat(bundle.getString(key), locale()).format(args);
    }
}
