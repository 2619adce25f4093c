package dev.concierge.console.knowledge;

import dev.concierge.api.KnowledgeBase;
import dev.concierge.console.Texts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One entry as the list shows it: its question in the console's first venue language, the languages it has, where it
 * comes from and the venue-local day it last changed.
 *
 * @param search every text of the entry in lower case, for the filter
 */
public record KnowledgeRow(String id, String question, String languages, String source, String updated, String search) {
    static KnowledgeRow of(KnowledgeBase.Entry entry, List<String> venueLanguages, ZoneId zone, Texts texts) {
        String id = entry.id() == null ? "" : entry.id();
        String languages = Stream.concat(entry.question().keySet().stream(), entry.answer().keySet().stream())
                .distinct()
                .collect(Collectors.joining(", "));
        String source = "staff".equals(entry.source()) || "venue".equals(entry.source())
                ? texts.get("knowledge.source." + entry.source())
                : "—";
        String updated = entry.updatedAt() == null
                ? "—"
                : DateTimeFormatter.ofPattern("d MMM yyyy", texts.locale())
                        .format(entry.updatedAt().atZone(zone));
        String search = Stream.concat(
                        Stream.of(id),
                        Stream.concat(entry.question().values().stream(), entry.answer().values().stream()))
                .collect(Collectors.joining("\n"))
                .toLowerCase(Locale.ROOT);
        return new KnowledgeRow(id, question(entry, venueLanguages, texts), languages, source, updated, search);
    }

    /** The question in the first of {@code languages} that has one, else in any language. */
    static String question(KnowledgeBase.Entry entry, List<String> languages, Texts texts) {
        for (String language : languages) {
            String text = entry.question().get(language);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return entry.question().values().stream().findFirst().orElseGet(() -> texts.get("knowledge.noQuestion"));
    }

    /** Whether every word of {@code filter} is in one of the entry's texts or its id. */
    boolean matches(String filter) {
        for (String word : filter.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
            if (!word.isEmpty() && !search.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
