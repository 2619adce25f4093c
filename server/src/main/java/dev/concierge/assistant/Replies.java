package dev.concierge.assistant;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The assistant's sentences in one language, from {@code assistant/replies_<lang>.properties}. */
final class Replies {
    private final ResourceBundle bundle;
    private final Locale locale;

    private Replies(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                "assistant.replies",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Replies in(String language) {
        return new Replies(Locale.forLanguageTag("es".equals(language) ? "es" : "en"));
    }

    Locale locale() {
        return locale;
    }

    String text(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
