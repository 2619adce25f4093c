package dev.concierge.venue;

import java.util.LinkedHashMap;
import java.util.Map;

/** A text in each of the venue's languages, e.g. {@code {en: Double room, es: Habitación doble}}. */
public record LocalizedText(Map<String, String> byLanguage) {
    public LocalizedText {
        if (byLanguage.isEmpty()) {
            throw new IllegalArgumentException("a localized text needs at least one language");
        }
        byLanguage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
    }

    /** The text in {@code language}, else in the first language the venue wrote it in. */
    public String in(String language) {
        String text = byLanguage.get(language);
        return text != null ? text : byLanguage.values().iterator().next();
    }
}
