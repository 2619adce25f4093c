package dev.concierge.console;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages the console itself speaks to staff (the guests' languages are the venue's, not these). */
public enum UiLanguage {
    EN("en", Locale.ENGLISH, "English"),
    ES("es", Locale.forLanguageTag("es-ES"), "Español");

    /** The key of the last choice in {@link ConsoleSettings}. */
    static final String SETTING = "language";

    private final String code;
    private final Locale locale;
    private final String ownName;

    UiLanguage(String code, Locale locale, String ownName) {
        this.code = code;
        this.locale = locale;
        this.ownName = ownName;
    }

    /** {@code en} or {@code es}, as {@code --lang} and the settings write it. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in itself, "Español", as the switch lists it. */
    public String ownName() {
        return ownName;
    }

    /** The language of a code such as {@code es} or {@code ES}; empty for any other. */
    public static Optional<UiLanguage> of(String code) {
        return Arrays.stream(values())
                .filter(language -> language.code.equalsIgnoreCase(code.strip()))
                .findFirst();
    }

    /**
     * The language the console starts in: {@code --lang} if given, else the last one chosen on this PC, else the
     * system's when it is Spanish, else English.
     */
    public static UiLanguage choose(Optional<UiLanguage> option, Optional<String> remembered, Locale system) {
        return option.or(() -> remembered.flatMap(UiLanguage::of))
                .orElse(system.getLanguage().equals(ES.code) ? ES : EN);
    }
}
