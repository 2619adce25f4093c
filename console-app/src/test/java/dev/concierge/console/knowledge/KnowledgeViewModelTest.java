package dev.concierge.console.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiError;
import dev.concierge.api.ApiException;
import dev.concierge.api.KnowledgeBase;
import dev.concierge.api.Report;
import dev.concierge.console.ServerCalls;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class KnowledgeViewModelTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Instant MORNING = Instant.parse("2026-03-10T08:00:00Z");

    private final FakeKnowledge server = new FakeKnowledge();
    private final ServerCalls calls = new ServerCalls(Runnable::run, Runnable::run, () -> {});

    private KnowledgeViewModel manager() {
        KnowledgeViewModel model = new KnowledgeViewModel(
                dev.concierge.console.Texts.english(), server, List.of("en", "es"), MADRID, true, calls);
        model.refresh();
        return model;
    }

    private static KnowledgeBase.Entry entry(String id, String en, String enAnswer, String es, String esAnswer) {
        return new KnowledgeBase.Entry(id, texts(en, es), texts(enAnswer, esAnswer), "venue", MORNING);
    }

    private static Map<String, String> texts(String en, String es) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("en", en);
        texts.put("es", es);
        return texts;
    }

    private void venueFile() {
        server.entries.add(entry(
                "checkout-time",
                "What time is check-out?",
                "Check-out is at 11:00.",
                "¿A qué hora es la salida?",
                "La salida es a las 11:00."));
        server.entries.add(
                entry("parking", "Is there parking?", "Yes, 20 spaces.", "¿Hay aparcamiento?", "Sí, 20 plazas."));
    }

    private static KnowledgeRow row(KnowledgeViewModel model, String id) {
        return model.rows().stream()
                .filter(row -> row.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static EntryDraft draft(KnowledgeViewModel model) {
        EntryDraft draft = model.getDraft();
        assertNotNull(draft, "an entry is open");
        return draft;
    }

    @Test
    void eachEntryShowsItsQuestionInTheFirstVenueLanguageItsLanguagesSourceAndWhenItChanged() {
        venueFile();
        server.entries.add(new KnowledgeBase.Entry(
                "spa", Map.of("es", "¿Hay spa?"), Map.of("es", "Sí."), "staff", Instant.parse("2026-03-09T17:30:00Z")));

        KnowledgeViewModel model = manager();

        assertEquals(3, model.rows().size());
        KnowledgeRow checkout = model.rows().get(0);
        assertEquals("What time is check-out?", checkout.question());
        assertEquals("en, es", checkout.languages());
        assertEquals("venue file", checkout.source());
        assertEquals("10 Mar 2026", checkout.updated());
        KnowledgeRow spa = model.rows().get(2);
        assertEquals("¿Hay spa?", spa.question(), "no English question: the Spanish one");
        assertEquals("staff", spa.source());
    }

    @Test
    void aSpanishDeskReadsTheListAndANewEntryInSpanish() {
        venueFile();
        server.entries.add(new KnowledgeBase.Entry(
                "spa", Map.of("es", "¿Hay spa?"), Map.of("es", "Sí."), "staff", Instant.parse("2026-03-09T17:30:00Z")));
        dev.concierge.console.Texts spanish = new dev.concierge.console.Texts(dev.concierge.console.UiLanguage.ES);
        KnowledgeViewModel model = new KnowledgeViewModel(spanish, server, List.of("en", "es"), MADRID, true, calls);
        model.refresh();

        KnowledgeRow checkout = row(model, "checkout-time");
        assertEquals("archivo del establecimiento", checkout.source());
        assertEquals("10 mar 2026", checkout.updated());
        assertEquals("personal", row(model, "spa").source());
        KnowledgeBase.Entry unasked = new KnowledgeBase.Entry("x", Map.of(), Map.of("es", "Sí."), "staff", MORNING);
        assertEquals(
                "(sin pregunta)",
                KnowledgeRow.of(unasked, List.of("en"), MADRID, spanish).question());
        assertEquals("Inglés", EntryDraft.languageName("en", spanish));
        assertEquals("Idioma desconocido", EntryDraft.languageName("", spanish));
        model.startEntry("es", "¿Tienen helipuerto?");
        assertEquals("Nueva entrada", draft(model).title(spanish));
    }

    @Test
    void theFilterKeepsTheEntriesWithEveryWordInAQuestionOrAnswer() {
        venueFile();
        KnowledgeViewModel model = manager();

        model.filterProperty().set("plazas");
        assertEquals(
                List.of("parking"), model.rows().stream().map(KnowledgeRow::id).toList());
        model.filterProperty().set("check 11:00");
        assertEquals(
                List.of("checkout-time"),
                model.rows().stream().map(KnowledgeRow::id).toList());
        model.filterProperty().set("");
        assertEquals(2, model.rows().size());
    }

    @Test
    void savingSendsTheWholeListAsTheServerHasItThenWithTheOneEntryChanged() {
        venueFile();
        KnowledgeViewModel model = manager();
        model.open(row(model, "parking"));
        draft(model).answerProperty("es").set("Sí, 20 plazas a 25 € al día.");
        // another desk adds an entry after this one was opened
        server.entries.add(entry("gym", "Is there a gym?", "Yes.", "¿Hay gimnasio?", "Sí."));

        model.save();

        assertEquals(1, server.puts.size());
        List<KnowledgeBase.Entry> sent = server.puts.get(0).entries();
        assertEquals(
                List.of("checkout-time", "parking", "gym"),
                sent.stream().map(KnowledgeBase.Entry::id).toList(),
                "the other desk's entry is not undone");
        assertEquals("Sí, 20 plazas a 25 € al día.", sent.get(1).answer().get("es"));
        assertEquals("Yes, 20 spaces.", sent.get(1).answer().get("en"));
        assertEquals("Saved. The assistant answers from it from the next question on.", model.getNotice());
        assertFalse(draft(model).isChanged(), "what is saved is no longer a change");
        assertEquals("staff", row(model, "parking").source());
        assertEquals(3, model.rows().size());
    }

    @Test
    void aRefreshKeepsAnEntryBeingWrittenAndTakesTheNewerTextsOfOneOpenUnchanged() {
        venueFile();
        KnowledgeViewModel model = manager();
        model.open(row(model, "parking"));
        draft(model).answerProperty("en").set("Yes, 20 spaces at 25 € a day.");

        server.replaceAnswer("parking", "en", "Yes, 30 spaces."); // saved at another desk
        model.refresh();

        assertEquals(
                "Yes, 20 spaces at 25 € a day.",
                draft(model).answerProperty("en").get());
        assertTrue(draft(model).isChanged());
        assertEquals(
                "Another desk changed this entry since you began — reload it to see their version before you save.",
                model.conflictProperty().get());

        draft(model).answerProperty("en").set("Yes, 20 spaces.");
        assertFalse(draft(model).isChanged(), "back as it began");
        model.refresh();
        assertEquals("Yes, 30 spaces.", draft(model).answerProperty("en").get(), "unchanged: the newer text");
        assertEquals("", model.conflictProperty().get());
    }

    @Test
    void savingOverAnotherDesksNewerSaveIsRefusedAndReloadShowsTheirVersion() {
        venueFile();
        KnowledgeViewModel model = manager();
        model.open(row(model, "parking"));
        draft(model).answerProperty("en").set("Yes, 20 spaces at 25 € a day.");
        server.replaceAnswer("parking", "en", "Yes, 30 spaces."); // saved at another desk, not refreshed here yet

        model.save();

        assertEquals(
                "Someone else changed this entry since you opened it — reload it to see their version. Your edits were"
                        + " not saved.",
                model.conflictProperty().get());
        assertEquals("Nothing was saved.", model.problemProperty().get());
        assertTrue(server.puts.isEmpty(), "nothing was stored over their version");
        assertEquals("Yes, 30 spaces.", server.entries.get(1).answer().get("en"), "their text stays");
        assertEquals(
                "Yes, 20 spaces at 25 € a day.",
                draft(model).answerProperty("en").get(),
                "these edits stay");

        model.reloadEntry();
        assertFalse(model.discardQuestionProperty().get().isEmpty(), "edits here: it asks first");
        model.confirmDiscard();

        assertEquals("Yes, 30 spaces.", draft(model).answerProperty("en").get());
        assertEquals("", model.conflictProperty().get());
        draft(model).answerProperty("en").set("Yes, 30 spaces at 25 € a day.");
        model.save();
        assertEquals("", model.conflictProperty().get());
        assertEquals(
                "Yes, 30 spaces at 25 € a day.", server.entries.get(1).answer().get("en"), "saved on theirs");
    }

    @Test
    void openingAnotherEntryOverChangesAsksFirstAndKeepEditingKeepsThem() {
        venueFile();
        KnowledgeViewModel model = manager();
        model.open(row(model, "parking"));
        draft(model).answerProperty("en").set("Free parking.");

        model.open(row(model, "checkout-time"));

        assertEquals("parking", draft(model).id(), "nothing is dropped without asking");
        assertEquals(
                "Discard your changes to “Is there parking?”?",
                model.discardQuestionProperty().get());
        model.keepEditing();
        assertEquals("", model.discardQuestionProperty().get());
        assertEquals("Free parking.", draft(model).answerProperty("en").get());

        model.newEntry();
        model.confirmDiscard();
        assertTrue(draft(model).isNew());
        assertTrue(server.puts.isEmpty());
    }

    @Test
    void aQuestionInALanguageWithoutItsAnswerIsShownAtTheFieldAndNothingIsSent() {
        venueFile();
        KnowledgeViewModel model = manager();
        model.newEntry();
        draft(model).questionProperty("en").set("Do you rent bicycles?");
        draft(model).answerProperty("en").set("Yes, 15 € a day.");
        draft(model).questionProperty("es").set("¿Alquilan bicicletas?");

        model.save();

        assertTrue(server.puts.isEmpty(), "the API's own checks refuse it before anything is sent");
        assertEquals(
                "the question has this language, so the answer needs it too",
                draft(model).error("answer", "es"));
        assertEquals("", draft(model).error("answer", "en"));
        assertEquals("Nothing was saved: check the fields marked below.", model.getProblem());
        assertEquals(2, model.rows().size());

        draft(model).answerProperty("es").set("Sí, 15 € al día.");
        assertEquals("", draft(model).error("answer", "es"), "writing in the field clears its error");
        model.save();
        assertEquals(1, server.puts.size());
        assertEquals("entry-1", draft(model).id(), "the server named the new entry");
        assertFalse(draft(model).isChanged());
    }

    @Test
    void theServersRefusalOfAFieldShowsAtThatField() {
        venueFile();
        server.refuse = Map.of("entries[1].answer.es", "at most 4000 characters", "entries", "something else");
        KnowledgeViewModel model = manager();
        model.open(row(model, "parking"));
        draft(model).answerProperty("es").set("Sí.");

        model.save();

        assertEquals("at most 4000 characters", draft(model).error("answer", "es"));
        assertEquals("Nothing was saved: check the fields marked below. entries something else", model.getProblem());
        assertTrue(draft(model).isChanged(), "the text stays for the person to correct");
    }

    @Test
    void addingAnAnswerToAnUnansweredQuestionStartsAnEntryAskingItInItsLanguage() {
        venueFile();
        server.unanswered.add(new Report.UnansweredQuestion("¿Tienen helipuerto?", "es", MORNING));
        KnowledgeViewModel model = manager();
        assertEquals(1, model.unanswered().size());
        UnansweredRow asked = model.unanswered().get(0);
        assertEquals("Tue 10 Mar 09:00", asked.when());
        assertFalse(asked.hasEntry());

        model.addAnswer(asked);

        EntryDraft draft = draft(model);
        assertTrue(draft.isNew());
        assertEquals("¿Tienen helipuerto?", draft.questionProperty("es").get());
        assertEquals("", draft.questionProperty("en").get());
        assertEquals("answer.es", draft.firstField(), "the person starts at the Spanish answer");
        assertTrue(draft.isChanged(), "a question filled in is something not saved yet");

        draft.answerProperty("es").set("No, lo sentimos.");
        model.save();
        assertTrue(model.unanswered().get(0).hasEntry(), "the question has an entry now");
        model.addAnswer(model.unanswered().get(0));
        assertEquals("An entry asks this already; it is open to change.", model.getNotice());
    }

    @Test
    void deletingAsksThenSendsTheListWithoutTheEntry() {
        venueFile();
        KnowledgeViewModel model = manager();
        model.open(row(model, "checkout-time"));

        model.askToDelete();
        assertEquals(
                "Delete “What time is check-out?”? The assistant stops answering from it.",
                model.deleteQuestionProperty().get());
        assertTrue(server.puts.isEmpty());
        model.confirmDelete();

        assertEquals(
                List.of("parking"),
                server.entries.stream().map(KnowledgeBase.Entry::id).toList());
        assertNull(model.getDraft());
        assertEquals(
                List.of("parking"), model.rows().stream().map(KnowledgeRow::id).toList());
    }

    @Test
    void theFrontDeskReadsButNeitherWritesNorSeesTheReports() {
        venueFile();
        KnowledgeViewModel model = new KnowledgeViewModel(
                dev.concierge.console.Texts.english(), server, List.of("en", "es"), MADRID, false, calls);
        model.refresh();
        model.open(row(model, "parking"));

        model.save();
        model.newEntry();
        model.startEntry("en", "Is there a helipad?");

        assertEquals(
                "Read only: only a manager or the owner changes what the assistant answers from.", model.getProblem());
        assertEquals("parking", draft(model).id());
        assertTrue(server.puts.isEmpty());
        assertEquals(0, server.unansweredAsked, "the reports' route refuses the front desk; it is not asked");
    }

    @Test
    void aListAskedBeforeASaveWasAnsweredDoesNotUndoTheSaveOnScreen() {
        venueFile();
        List<Runnable> background = new ArrayList<>();
        KnowledgeViewModel model = new KnowledgeViewModel(
                dev.concierge.console.Texts.english(),
                server,
                List.of("en", "es"),
                MADRID,
                true,
                new ServerCalls(background::add, Runnable::run, () -> {}));
        model.refresh();
        runAll(background);
        model.open(row(model, "parking"));
        draft(model).answerProperty("en").set("Free parking.");

        model.refresh(); // asked before the save…
        KnowledgeBase before = server.knowledge();
        Runnable staleList = background.remove(0);
        background.remove(0); // the unanswered questions
        model.save();
        runAll(background); // …the save answered first
        server.answerWith = before;
        staleList.run();

        assertEquals("Free parking.", draft(model).answerProperty("en").get());
        assertFalse(draft(model).isChanged());
        assertEquals("", model.conflictProperty().get());
    }

    private static void runAll(List<Runnable> background) {
        while (!background.isEmpty()) {
            background.remove(0).run();
        }
    }

    /** The server's rules as the API writes them: the record's checks, ids for new entries, staff's edits marked. */
    private static final class FakeKnowledge implements KnowledgeApi {
        final List<KnowledgeBase.Entry> entries = new ArrayList<>();
        final List<KnowledgeBase> puts = new ArrayList<>();
        final List<Report.UnansweredQuestion> unanswered = new ArrayList<>();

        @Nullable
        Map<String, String> refuse;

        @Nullable
        KnowledgeBase answerWith;

        int unansweredAsked;
        int named;

        @Override
        public KnowledgeBase knowledge() {
            KnowledgeBase answer = answerWith;
            answerWith = null;
            return answer != null ? answer : new KnowledgeBase(List.copyOf(entries));
        }

        @Override
        public KnowledgeBase replace(KnowledgeBase base) {
            if (refuse != null) {
                throw new ApiException(400, ApiError.withFields("invalid", "Check the fields", refuse));
            }
            for (KnowledgeBase.Entry sent : base.entries()) {
                KnowledgeBase.Entry stored = entries.stream()
                        .filter(old -> old.id() != null && old.id().equals(sent.id()))
                        .findFirst()
                        .orElse(null);
                if (stored != null
                        && sent.updatedAt() != null
                        && !sent.updatedAt().equals(stored.updatedAt())
                        && !(stored.question().equals(sent.question())
                                && stored.answer().equals(sent.answer()))) {
                    throw new ApiException(409, ApiError.of("knowledge_changed", "Someone else changed it."));
                }
            }
            puts.add(base);
            List<KnowledgeBase.Entry> saved = new ArrayList<>();
            for (KnowledgeBase.Entry entry : base.entries()) {
                String id = entry.id() != null ? entry.id() : "entry-" + ++named;
                KnowledgeBase.Entry before = entries.stream()
                        .filter(old -> id.equals(old.id()))
                        .findFirst()
                        .orElse(null);
                boolean same = before != null
                        && before.question().equals(entry.question())
                        && before.answer().equals(entry.answer());
                saved.add(
                        same
                                ? before
                                : new KnowledgeBase.Entry(
                                        id, entry.question(), entry.answer(), "staff", MORNING.plusSeconds(60)));
            }
            entries.clear();
            entries.addAll(saved);
            return knowledge();
        }

        @Override
        public List<Report.UnansweredQuestion> unanswered() {
            unansweredAsked++;
            return List.copyOf(unanswered);
        }

        void replaceAnswer(String id, String language, String text) {
            for (int i = 0; i < entries.size(); i++) {
                KnowledgeBase.Entry entry = entries.get(i);
                if (id.equals(entry.id())) {
                    Map<String, String> answer = new LinkedHashMap<>(entry.answer());
                    answer.put(language, text);
                    // another desk's save: a newer version
                    entries.set(
                            i,
                            new KnowledgeBase.Entry(
                                    id,
                                    entry.question(),
                                    answer,
                                    "staff",
                                    entry.updatedAt().plusSeconds(30)));
                }
            }
        }
    }
}
