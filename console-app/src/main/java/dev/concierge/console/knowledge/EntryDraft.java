package dev.concierge.console.knowledge;

import dev.concierge.api.KnowledgeBase;
import dev.concierge.console.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.jspecify.annotations.Nullable;

/**
 * One entry as it is being written: its question and answer in each language, the texts it began with (so the console
 * knows whether it holds changes nobody saved), and the errors the server or the API's own checks found in it.
 */
public final class EntryDraft {
    private final @Nullable String id;
    private final List<String> languages;
    private final Map<String, StringProperty> question = new LinkedHashMap<>();
    private final Map<String, StringProperty> answer = new LinkedHashMap<>();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final @Nullable String firstField;
    private KnowledgeBase.@Nullable Entry base;
    private Map<String, String> savedQuestion = Map.of();
    private Map<String, String> savedAnswer = Map.of();
    private final BooleanBinding changed;

    private EntryDraft(
            KnowledgeBase.@Nullable Entry base,
            List<String> venueLanguages,
            Map<String, String> startQuestion,
            @Nullable String firstField) {
        this.id = base == null ? null : base.id();
        this.base = base;
        this.firstField = firstField;
        // the venue's languages side by side, then any other language the entry already has (kept as it is)
        Set<String> all = new LinkedHashSet<>(venueLanguages);
        if (base != null) {
            all.addAll(base.question().keySet());
            all.addAll(base.answer().keySet());
        }
        all.addAll(startQuestion.keySet());
        this.languages = List.copyOf(all);
        List<javafx.beans.Observable> texts = new ArrayList<>();
        for (String language : languages) {
            StringProperty q = new SimpleStringProperty(this, "question." + language, "");
            StringProperty a = new SimpleStringProperty(this, "answer." + language, "");
            question.put(language, q);
            answer.put(language, a);
            texts.add(q);
            texts.add(a);
            // a field the person changes is no longer wrong as the server said
            q.addListener((observable, before, now) -> errors.remove("question." + language));
            a.addListener((observable, before, now) -> errors.remove("answer." + language));
        }
        fill(base == null ? startQuestion : base.question(), base == null ? Map.of() : base.answer());
        if (base == null) {
            savedQuestion = Map.of();
            savedAnswer = Map.of();
        }
        changed = Bindings.createBooleanBinding(this::differs, texts.toArray(javafx.beans.Observable[]::new));
    }

    /** An entry the server has, as it has it. */
    static EntryDraft of(KnowledgeBase.Entry entry, List<String> venueLanguages) {
        return new EntryDraft(entry, venueLanguages, Map.of(), null);
    }

    /**
     * A new entry, empty or with a guest's question already in its language; the person starts at the answer of that
     * language (or at the question of the first language).
     */
    static EntryDraft create(List<String> venueLanguages, @Nullable String language, @Nullable String asked) {
        if (language != null && asked != null && !asked.isBlank()) {
            return new EntryDraft(null, venueLanguages, Map.of(language, asked.strip()), "answer." + language);
        }
        String first = venueLanguages.isEmpty() ? "en" : venueLanguages.get(0);
        return new EntryDraft(
                null, venueLanguages.isEmpty() ? List.of("en") : venueLanguages, Map.of(), "question." + first);
    }

    private void fill(Map<String, String> questions, Map<String, String> answers) {
        // what it began with first: a label bound to "changed" reads it again as each text below is set
        savedQuestion = stripped(questions);
        savedAnswer = stripped(answers);
        for (String language : languages) {
            questionProperty(language).set(questions.getOrDefault(language, ""));
            answerProperty(language).set(answers.getOrDefault(language, ""));
        }
        errors.clear();
    }

    private Map<String, String> stripped(Map<String, String> texts) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String language : languages) {
            String text = texts.getOrDefault(language, "").strip();
            if (!text.isEmpty()) {
                kept.put(language, text);
            }
        }
        return kept;
    }

    /** Takes the server's newer texts of the entry; only while nothing here is changed. */
    void reload(KnowledgeBase.Entry fresh) {
        base = fresh;
        fill(fresh.question(), fresh.answer());
        changed.invalidate();
    }

    /**
     * The entry to send: the languages with a text, stripped, and the version the edits began from ({@code updatedAt}
     * as the server last gave it), so a save over someone else's newer change is refused rather than undoing it.
     */
    KnowledgeBase.Entry toEntry() {
        return new KnowledgeBase.Entry(
                id, texts(question), texts(answer), null, base == null ? null : base.updatedAt());
    }

    private static Map<String, String> texts(Map<String, StringProperty> fields) {
        Map<String, String> texts = new LinkedHashMap<>();
        fields.forEach((language, field) -> {
            String text = Objects.requireNonNullElse(field.get(), "").strip();
            if (!text.isEmpty()) {
                texts.put(language, text);
            }
        });
        return texts;
    }

    private boolean differs() {
        return !texts(question).equals(savedQuestion) || !texts(answer).equals(savedAnswer);
    }

    /** Whether the server's entry changed since this draft began from it (another desk saved meanwhile). */
    boolean outdatedBy(KnowledgeBase.Entry fresh) {
        return base != null
                && (!fresh.question().equals(base.question()) || !fresh.answer().equals(base.answer()));
    }

    /** The entry's id at the server; null for an entry not saved yet. */
    public @Nullable String id() {
        return id;
    }

    public boolean isNew() {
        return id == null;
    }

    /** The languages shown side by side: the venue's, then others the entry has. */
    public List<String> languages() {
        return languages;
    }

    public StringProperty questionProperty(String language) {
        return Objects.requireNonNull(question.get(language), language);
    }

    public StringProperty answerProperty(String language) {
        return Objects.requireNonNull(answer.get(language), language);
    }

    /** True while it holds something not saved. */
    public ObservableBooleanValue changedProperty() {
        return changed;
    }

    public boolean isChanged() {
        return changed.get();
    }

    /**
     * The errors by field, as the API names them within the entry: {@code question.es}, {@code answer.en}, {@code
     * question} (no language at all), {@code id}.
     */
    public ObservableMap<String, String> errors() {
        return errors;
    }

    /**
     * The errors of the question (or answer) of {@code language}; those of the whole question (or answer) show at the
     * first language's field.
     */
    public String error(String part, String language) {
        List<String> found = new ArrayList<>();
        String own = errors.get(part + "." + language);
        if (own != null) {
            found.add(own);
        }
        String whole = language.equals(languages.get(0)) ? errors.get(part) : null;
        if (whole != null) {
            found.add(whole);
        }
        return String.join("; ", found);
    }

    /** The field a person starts typing in: {@code answer.es} after a guest's Spanish question; null for none. */
    public @Nullable String firstField() {
        return firstField;
    }

    /** "New entry", or the entry's question in the first language that has one. */
    public String title(Texts texts) {
        return base == null ? texts.get("knowledge.newEntry") : KnowledgeRow.question(base, languages, texts);
    }

    /** The entry in a sentence: "the new entry", or its question in quotes. */
    public String named(Texts texts) {
        return base == null
                ? texts.get("knowledge.theNewEntry")
                : "“" + KnowledgeRow.question(base, languages, texts) + "”";
    }

    /** "English" for {@code en}, "Inglés" in Spanish: the language's name in the console's language. */
    public static String languageName(String language, Texts texts) {
        if (language.isBlank()) {
            return texts.get("knowledge.languageUnknown");
        }
        String name = Locale.forLanguageTag(language).getDisplayLanguage(texts.locale());
        if (name.isEmpty()) {
            return language;
        }
        return name.substring(0, 1).toUpperCase(texts.locale()) + name.substring(1);
    }
}
