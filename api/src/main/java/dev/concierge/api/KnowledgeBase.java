package dev.concierge.api;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET|PUT /api/staff/knowledge}: what the assistant may answer from, each entry a question and its answer in
 * the venue's languages. A {@code PUT} sends the whole list as it should be; {@code source} says whether an entry
 * still comes from the venue file ({@code venue}) or the staff wrote or changed it ({@code staff}: a later import of
 * the venue file leaves it alone).
 */
public record KnowledgeBase(List<Entry> entries) {
    public static final int MAX_ENTRIES = 2_000;
    public static final int MAX_QUESTION = 500;
    public static final int MAX_ANSWER = 4_000;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    public KnowledgeBase {
        FieldChecks checks = FieldChecks.start().require("entries", entries);
        if (entries != null) {
            checks.check(entries.size() <= MAX_ENTRIES, "entries", "at most " + MAX_ENTRIES + " entries");
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                String at = "entries[" + i + "]";
                if (entry == null) {
                    checks.check(false, at, "must be an entry");
                    continue;
                }
                if (entry.id() != null) {
                    checks.check(
                                    ID.matcher(entry.id()).matches(),
                                    at + ".id",
                                    "lower-case letters, digits, - and _ (at most 64)")
                            .check(ids.add(entry.id()), at + ".id", "is used by another entry");
                }
                texts(checks, at + ".question", entry.question(), MAX_QUESTION);
                texts(checks, at + ".answer", entry.answer(), MAX_ANSWER);
                if (entry.question() != null && entry.answer() != null) {
                    for (String language : entry.question().keySet()) {
                        checks.check(
                                entry.answer().containsKey(language),
                                at + ".answer." + language,
                                "the question has this language, so the answer needs it too");
                    }
                }
            }
            entries = List.copyOf(entries);
        }
        checks.orThrow();
    }

    private static void texts(FieldChecks checks, String at, @Nullable Map<String, String> texts, int max) {
        if (texts == null || texts.isEmpty()) {
            checks.check(false, at, "needs a text in at least one language, e.g. {\"en\": \"...\"}");
            return;
        }
        texts.forEach((language, text) -> checks.check(
                        language != null && LANGUAGE.matcher(language).matches(),
                        at,
                        "languages are two-letter codes such as en or es")
                .require(at + "." + language, text)
                .maxLength(at + "." + language, text, max));
    }

    /**
     * One entry. {@code id} may be left out for a new entry (the server names it); {@code source} is the server's to
     * say and ignored in a {@code PUT}. {@code updatedAt} is also the entry's version: sent back with a changed entry,
     * the {@code PUT} is refused (409 {@code knowledge_changed}, nothing saved) when someone changed or deleted the
     * entry since; left out, the entry is written as sent.
     */
    public record Entry(
            @Nullable String id,
            Map<String, String> question,
            Map<String, String> answer,
            @Nullable String source,
            @Nullable Instant updatedAt) {
        public Entry {
            question = question == null ? Map.of() : copy(question);
            answer = answer == null ? Map.of() : copy(answer);
        }

        private static Map<String, String> copy(Map<String, String> texts) {
            // keeps the order the languages were written in (Map.copyOf would not); nulls are left for the checks
            return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(texts));
        }
    }
}
