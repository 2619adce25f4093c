package dev.concierge.console.knowledge;

import dev.concierge.api.ApiException;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.KnowledgeBase;
import dev.concierge.api.Report;
import dev.concierge.console.ServerCalls;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.jspecify.annotations.Nullable;

/**
 * The knowledge base as the desk reads it and a manager edits it, one entry at a time. Saving sends the whole list
 * ({@code PUT}) as the server has it at that moment with this one entry changed, added or taken out. What a person is
 * writing survives the shell's refresh every few seconds, a visit to another screen and a change of the same entry at
 * another desk; opening something else asks before dropping it.
 */
public final class KnowledgeViewModel {
    private final dev.concierge.console.Texts texts;
    private final String readOnly;
    private final String couldNotLoad; // the sentence's start, to know the problem shown is it

    private final KnowledgeApi api;
    private final List<String> languages;
    private final ZoneId zone;
    private final boolean mayEdit;
    private final ServerCalls calls;

    private List<KnowledgeBase.Entry> entries = List.of();
    private List<Report.UnansweredQuestion> asked = List.of();
    private final ObservableList<KnowledgeRow> rows = FXCollections.observableArrayList();
    private final FilteredList<KnowledgeRow> shown = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<UnansweredRow> unanswered = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<@Nullable EntryDraft> draft = new ReadOnlyObjectWrapper<>(this, "draft");
    private final javafx.beans.property.ReadOnlyBooleanWrapper draftChanged =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "draftChanged");
    private final dev.concierge.console.UnsavedChanges unsaved =
            new dev.concierge.console.UnsavedChanges(draftChanged, this::putBack);
    private final ReadOnlyObjectWrapper<@Nullable KnowledgeRow> selected =
            new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper discardQuestion = new ReadOnlyStringWrapper(this, "discardQuestion", "");
    private final ReadOnlyStringWrapper deleteQuestion = new ReadOnlyStringWrapper(this, "deleteQuestion", "");
    private final ReadOnlyStringWrapper conflict = new ReadOnlyStringWrapper(this, "conflict", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper unansweredProblem = new ReadOnlyStringWrapper(this, "unansweredProblem", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private @Nullable Runnable afterDiscard;
    private boolean listing;
    private boolean listAgain;
    private boolean askingUnanswered;
    private long saves;

    /**
     * @param languages the venue's languages ({@code GET /api/venue}), side by side in the editor
     * @param mayEdit whether the signed-in role may change the knowledge base and read the reports (manager, owner)
     */
    public KnowledgeViewModel(
            dev.concierge.console.Texts texts,
            KnowledgeApi api,
            List<String> languages,
            ZoneId zone,
            boolean mayEdit,
            ServerCalls calls) {
        this.texts = texts;
        this.readOnly = texts.get("knowledge.readOnly");
        this.couldNotLoad = texts.get("knowledge.notLoaded", "");
        this.api = api;
        this.languages = languages.isEmpty() ? List.of("en") : List.copyOf(languages);
        this.zone = zone;
        this.mayEdit = mayEdit;
        this.calls = calls;
        filter.addListener((observable, before, now) -> shown.setPredicate(row -> row.matches(now)));
        draft.addListener((observable, before, now) -> {
            draftChanged.unbind();
            if (now == null) {
                draftChanged.set(false);
            } else {
                draftChanged.bind(now.changedProperty());
            }
        });
    }

    /**
     * Asks for the entries (and, for a manager, the questions left unanswered in the last 30 days). An entry being
     * written stays as it is; one open unchanged takes the server's newer texts.
     */
    public void refresh() {
        if (listing) {
            listAgain = true;
        } else {
            listing = true;
            long savedBefore = saves;
            calls.call(
                    api::knowledge,
                    base -> {
                        // a list asked before a save of ours was answered is older than what the save answered
                        if (savedBefore == saves) {
                            show(base);
                        }
                        listed();
                    },
                    why -> {
                        problem.set(texts.get("knowledge.notLoaded", why));
                        listed();
                    });
        }
        if (mayEdit && !askingUnanswered) {
            askingUnanswered = true;
            calls.call(
                    api::unanswered,
                    questions -> {
                        askingUnanswered = false;
                        asked = List.copyOf(questions);
                        unansweredProblem.set("");
                        markUnanswered();
                    },
                    why -> {
                        askingUnanswered = false;
                        unansweredProblem.set(texts.get("knowledge.unansweredNotLoaded", why));
                    });
        }
    }

    private void listed() {
        listing = false;
        if (listAgain) {
            listAgain = false;
            refresh();
        }
    }

    private void show(KnowledgeBase base) {
        list(base);
        EntryDraft open = draft.get();
        if (open != null && open.id() != null) {
            Optional<KnowledgeBase.Entry> now = entry(open.id());
            if (now.isEmpty()) {
                if (open.isChanged()) {
                    conflict.set(texts.get("knowledge.deletedElsewhere"));
                } else {
                    notice.set(texts.get("knowledge.deletedAtAnotherDesk", sentence(open.named(texts))));
                    openDraft(null);
                }
            } else if (open.outdatedBy(now.get())) {
                if (open.isChanged()) {
                    conflict.set(texts.get("knowledge.changedElsewhere"));
                } else {
                    open.reload(now.get());
                    conflict.set("");
                }
            }
        }
        selected.set(rowOf(draft.get()));
    }

    private void list(KnowledgeBase base) {
        entries = base.entries();
        List<KnowledgeRow> fresh = entries.stream()
                .map(entry -> KnowledgeRow.of(entry, languages, zone, texts))
                .toList();
        if (!rows.equals(fresh)) {
            rows.setAll(fresh);
        }
        if (problem.get().startsWith(couldNotLoad)) {
            problem.set("");
        }
        loaded.set(true);
        markUnanswered();
    }

    private void markUnanswered() {
        List<UnansweredRow> fresh = asked.stream()
                .map(question -> UnansweredRow.of(question, zone, asks(question.text(), question.language())))
                .toList();
        if (!unanswered.equals(fresh)) {
            unanswered.setAll(fresh);
        }
    }

    /** Whether an entry asks {@code text} already, in {@code language} (or in any, when the language is unknown). */
    private boolean asks(String text, String language) {
        return existing(text, language).isPresent();
    }

    private Optional<KnowledgeBase.Entry> existing(String text, String language) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return entries.stream()
                .filter(entry -> entry.question().entrySet().stream()
                        .anyMatch(question ->
                                (language.isEmpty() || question.getKey().equals(language))
                                        && question.getValue()
                                                .strip()
                                                .toLowerCase(Locale.ROOT)
                                                .equals(wanted)))
                .findFirst();
    }

    private Optional<KnowledgeBase.Entry> entry(@Nullable String id) {
        return entries.stream().filter(entry -> Objects.equals(entry.id(), id)).findFirst();
    }

    private @Nullable KnowledgeRow rowOf(@Nullable EntryDraft open) {
        if (open == null || open.id() == null) {
            return null;
        }
        return rows.stream()
                .filter(row -> row.id().equals(open.id()))
                .findFirst()
                .orElse(null);
    }

    /** Opens an entry in the editor; when another holds changes, asks first. */
    public void open(KnowledgeRow row) {
        EntryDraft open = draft.get();
        if (open != null && row.id().equals(open.id())) {
            return;
        }
        Optional<KnowledgeBase.Entry> entry = entry(row.id());
        if (entry.isEmpty()) {
            return;
        }
        leaveDraftThen(() -> openDraft(EntryDraft.of(entry.get(), languages)));
    }

    /** An empty new entry; when the one open holds changes, asks first. */
    public void newEntry() {
        if (!mayEdit) {
            problem.set(readOnly);
            return;
        }
        leaveDraftThen(() -> openDraft(EntryDraft.create(languages, null, null)));
    }

    /**
     * A new entry with a guest's question already in its language (the reports' "Add to knowledge"); when an entry
     * asks it already, that one opens instead.
     */
    public void startEntry(String language, String question) {
        if (!mayEdit) {
            problem.set(readOnly);
            return;
        }
        String in = language.isBlank() || !language.matches("[a-z]{2}") ? languages.get(0) : language;
        Optional<KnowledgeBase.Entry> already = existing(question, in);
        leaveDraftThen(() -> {
            if (already.isPresent()) {
                openDraft(EntryDraft.of(already.get(), languages));
                notice.set(texts.get("knowledge.asksAlready"));
            } else {
                openDraft(EntryDraft.create(languages, in, question));
            }
        });
    }

    /** "Add an answer" to a question nobody could answer. */
    public void addAnswer(UnansweredRow row) {
        startEntry(row.language(), row.text());
    }

    private void leaveDraftThen(Runnable next) {
        EntryDraft open = draft.get();
        if (open != null && open.isChanged()) {
            afterDiscard = next;
            deleteQuestion.set("");
            discardQuestion.set(texts.get("knowledge.discardQuestion", open.named(texts)));
            return;
        }
        next.run();
    }

    private void openDraft(@Nullable EntryDraft next) {
        discardQuestion.set("");
        deleteQuestion.set("");
        conflict.set("");
        afterDiscard = null;
        if (!problem.get().startsWith(couldNotLoad)) {
            problem.set("");
        }
        notice.set("");
        draft.set(next);
        selected.set(rowOf(next));
    }

    /** Drops the changes and does what was asked (open another entry, start a new one). */
    public void confirmDiscard() {
        Runnable next = afterDiscard;
        afterDiscard = null;
        discardQuestion.set("");
        if (next != null) {
            next.run();
        }
    }

    /** Keeps writing: what was asked is not done. */
    public void keepEditing() {
        afterDiscard = null;
        discardQuestion.set("");
    }

    /** "Discard changes": asks, then puts the entry back as the server has it (a new entry closes). */
    public void discardChanges() {
        EntryDraft open = draft.get();
        if (open == null || !open.isChanged()) {
            return;
        }
        leaveDraftThen(this::putBack);
    }

    private void putBack() {
        EntryDraft open = draft.get();
        if (open == null) {
            return;
        }
        openDraft(
                open.isNew()
                        ? null
                        : entry(open.id())
                                .map(entry -> EntryDraft.of(entry, languages))
                                .orElse(null));
    }

    /** The entry's edits nobody saved: the shell asks before leaving the screen, the window before it closes. */
    public dev.concierge.console.UnsavedChanges unsaved() {
        return unsaved;
    }

    /**
     * Sends the whole list with this entry in it. The API's own checks run first (the record refuses an invalid list
     * before anything is sent), then the server's; either way the errors show at their fields and nothing changes.
     */
    public void save() {
        EntryDraft open = draft.get();
        if (open == null || saving.get()) {
            return;
        }
        if (!mayEdit) {
            problem.set(readOnly);
            return;
        }
        KnowledgeBase.Entry edited = open.toEntry();
        @Nullable String id = open.id();
        send(
                open,
                latest -> {
                    List<KnowledgeBase.Entry> list = new ArrayList<>(latest);
                    int at = indexOf(list, id);
                    if (at < 0) {
                        list.add(edited);
                    } else {
                        list.set(at, edited);
                    }
                    return list;
                },
                (saved, at) -> {
                    if (draft.get() == open) {
                        KnowledgeBase.Entry entry =
                                saved.entries().get(Math.min(at, saved.entries().size() - 1));
                        if (open.isNew()) {
                            openDraft(EntryDraft.of(entry, languages));
                        } else {
                            open.reload(entry);
                            conflict.set("");
                        }
                    }
                    notice.set(texts.get("knowledge.saved"));
                });
    }

    /**
     * Opens the entry again as the server has it now (another desk's version), after asking when there are edits
     * here; an entry deleted meanwhile closes.
     */
    public void reloadEntry() {
        EntryDraft open = draft.get();
        if (open == null || open.id() == null) {
            return;
        }
        String id = open.id();
        String title = sentence(open.named(texts));
        leaveDraftThen(() -> calls.call(
                api::knowledge,
                base -> {
                    list(base);
                    Optional<KnowledgeBase.Entry> now = entry(id);
                    openDraft(now.map(entry -> EntryDraft.of(entry, languages)).orElse(null));
                    if (now.isEmpty()) {
                        notice.set(texts.get("knowledge.deletedAtAnotherDesk", title));
                    }
                },
                problem::set));
    }

    /** Asks to confirm deleting the entry open; a new entry not saved yet is only dropped (after asking, if written). */
    public void askToDelete() {
        EntryDraft open = draft.get();
        if (open == null) {
            problem.set(texts.get("knowledge.openFirst"));
            return;
        }
        if (!mayEdit) {
            problem.set(readOnly);
            return;
        }
        if (open.isNew()) {
            leaveDraftThen(() -> openDraft(null));
            return;
        }
        discardQuestion.set("");
        deleteQuestion.set(texts.get("knowledge.deleteQuestion", open.named(texts)));
    }

    public void confirmDelete() {
        EntryDraft open = draft.get();
        deleteQuestion.set("");
        if (open == null || open.id() == null || saving.get()) {
            return;
        }
        String id = open.id();
        String title = sentence(open.named(texts));
        send(
                open,
                latest ->
                        latest.stream().filter(entry -> !id.equals(entry.id())).toList(),
                (saved, at) -> {
                    if (draft.get() == open) {
                        openDraft(null);
                    }
                    notice.set(texts.get("knowledge.deleted", title));
                });
    }

    public void keepEntry() {
        deleteQuestion.set("");
    }

    private interface Saved {
        void accept(KnowledgeBase saved, int index);
    }

    /**
     * Reads the list as the server has it now, changes it, checks and sends it, all off the FX thread, so another
     * desk's save a minute ago is not undone and a list never loaded is never sent.
     */
    private void send(EntryDraft open, UnaryOperator<List<KnowledgeBase.Entry>> change, Saved saved) {
        saving.set(true);
        notice.set("");
        problem.set("");
        open.errors().clear();
        @Nullable String id = open.id();
        AtomicInteger index = new AtomicInteger(-1);
        calls.attempt(
                () -> {
                    List<KnowledgeBase.Entry> latest = api.knowledge().entries();
                    int at = indexOf(latest, id);
                    index.set(at < 0 ? latest.size() : at);
                    return api.replace(new KnowledgeBase(change.apply(latest)));
                },
                base -> {
                    saving.set(false);
                    saves++;
                    list(base);
                    saved.accept(base, index.get());
                    selected.set(rowOf(draft.get()));
                },
                refusal -> {
                    saving.set(false);
                    refused(refusal, open, index.get());
                });
    }

    private void refused(RuntimeException refusal, EntryDraft open, int index) {
        if (refusal instanceof ApiException e
                && e.status() == 409
                && "knowledge_changed".equals(e.error().error().code())) {
            // someone saved this entry after it was opened here: their text stays, these edits wait for a reload
            conflict.set(texts.get("knowledge.conflict"));
            problem.set(texts.get("knowledge.notSaved"));
            return;
        }
        Map<String, String> fields = refusal instanceof InvalidFieldsException invalid
                ? invalid.fields()
                : refusal instanceof ApiException e
                                && e.status() == 400
                                && e.error().error().fields() != null
                        ? e.error().error().fields()
                        : null;
        if (fields == null) {
            problem.set(ServerCalls.plainWords(refusal));
            return;
        }
        String prefix = "entries[" + index + "].";
        Map<String, String> others = new LinkedHashMap<>();
        fields.forEach((field, message) -> {
            if (field.startsWith(prefix)) {
                open.errors().put(field.substring(prefix.length()), message);
            } else {
                others.put(field, message);
            }
        });
        List<String> lines = new ArrayList<>();
        lines.add(texts.get(open.errors().isEmpty() ? "knowledge.notSaved" : "knowledge.notSavedCheck"));
        others.forEach((field, message) -> lines.add(field + " " + message));
        problem.set(String.join(" ", lines));
    }

    private static String sentence(String named) {
        return Character.toUpperCase(named.charAt(0)) + named.substring(1);
    }

    private static int indexOf(List<KnowledgeBase.Entry> list, @Nullable String id) {
        if (id == null) {
            return -1;
        }
        for (int i = 0; i < list.size(); i++) {
            if (id.equals(list.get(i).id())) {
                return i;
            }
        }
        return -1;
    }

    public dev.concierge.console.Texts texts() {
        return texts;
    }

    /** "Read only: only a manager or the owner changes what the assistant answers from." */
    public String readOnly() {
        return readOnly;
    }

    public boolean mayEdit() {
        return mayEdit;
    }

    public List<String> languages() {
        return languages;
    }

    /** The entries the filter lets through, in the knowledge base's order. */
    public ObservableList<KnowledgeRow> rows() {
        return shown;
    }

    /** Words every shown entry has in its question, answer or id; blank for all. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The questions guests asked in the last 30 days that nobody could answer, newest first (managers only). */
    public ObservableList<UnansweredRow> unanswered() {
        return unanswered;
    }

    /** The entry in the editor; null for none. */
    public ReadOnlyObjectProperty<@Nullable EntryDraft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    public @Nullable EntryDraft getDraft() {
        return draft.get();
    }

    /** The list's row of the entry in the editor; null for a new entry or none. */
    public ReadOnlyObjectProperty<@Nullable KnowledgeRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Asked before changes nobody saved are dropped; empty while not asking. */
    public ReadOnlyStringProperty discardQuestionProperty() {
        return discardQuestion.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deleteQuestionProperty() {
        return deleteQuestion.getReadOnlyProperty();
    }

    /** That another desk changed or deleted the entry being written. */
    public ReadOnlyStringProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public String getNotice() {
        return notice.get();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String getProblem() {
        return problem.get();
    }

    public ReadOnlyStringProperty unansweredProblemProperty() {
        return unansweredProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** False until the first list has come. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
