package dev.concierge.console.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiClient;
import dev.concierge.api.KnowledgeBase;
import dev.concierge.console.Connection.DemoAccount;
import dev.concierge.console.ConsoleTestServer;
import dev.concierge.console.ConsoleWindow;
import dev.concierge.console.ConsoleWindows;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge base against a real server with the demo hotel's entries: a manager changes a Spanish answer (which
 * outlives the shell's refresh until saved), a bad new entry is refused at its field and changes nothing, and the
 * front desk reads the entries without a way to change them.
 */
class KnowledgeViewIT {
    private static final String PARKING_ES = "Sí, 20 plazas subterráneas a 25 € al día.";

    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    private static KnowledgeBase.Entry entry(ApiClient client, String id) {
        return client.get("/api/staff/knowledge", KnowledgeBase.class).entries().stream()
                .filter(entry -> id.equals(entry.id()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + id));
    }

    @Test
    void aManagerChangesASpanishAnswerAndABadEntryIsRefusedAtItsFieldChangingNothing() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"))) {
            ApiClient manager = server.client("manager");
            int entries = manager.get("/api/staff/knowledge", KnowledgeBase.class)
                    .entries()
                    .size();
            String parkingEnglish = entry(manager, "parking").answer().get("en");
            DemoAccount account = server.account("manager");
            ConsoleWindow console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());
            console.signIn(account.email(), account.password());
            console.waitForShell();

            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT6, KeyCombination.SHORTCUT_DOWN));
            @SuppressWarnings("unchecked")
            TableView<KnowledgeRow> table = console.find("#knowledge-table", TableView.class);
            console.waitUntil("the demo hotel's entries", () -> table.getItems().size() == entries);
            console.screenshot("knowledge.png");

            console.robot().clickOn("#knowledge-filter").write("aparcamiento");
            console.waitUntil(
                    "one entry left by the filter", () -> table.getItems().size() == 1);
            assertEquals("parking", console.onFx(() -> table.getItems().get(0).id()));
            console.robot().clickOn(console.onFx(() -> table.getItems().get(0).question()));
            TextArea spanish = console.find("#knowledge-answer-es", TextArea.class);
            console.robot().clickOn(spanish);
            console.robot().push(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN));
            console.robot().write(PARKING_ES);
            console.waitUntil(
                    "the edit marked as not saved",
                    () -> console.text("#knowledge-editor-title").endsWith("· not saved"));

            // the shell asks the server again every 4 s: the edit stays
            Thread.sleep(4500);
            assertEquals(PARKING_ES, console.onFx(spanish::getText));
            console.robot().push(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil(
                    "the save", () -> console.text("#knowledge-notice").startsWith("Saved"));
            KnowledgeBase.Entry parking = entry(manager, "parking");
            assertEquals(PARKING_ES, parking.answer().get("es"));
            assertEquals(parkingEnglish, parking.answer().get("en"), "the English answer stays");
            assertEquals("staff", parking.source());
            console.waitUntil(
                    "the list showing the staff's change",
                    () -> table.getItems().get(0).source().equals("staff"));
            console.screenshot("knowledge-saved.png");

            console.robot().clickOn("#knowledge-filter");
            console.robot().push(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN));
            console.robot().type(KeyCode.BACK_SPACE);
            console.waitUntil("every entry again", () -> table.getItems().size() == entries);
            KnowledgeBase before = manager.get("/api/staff/knowledge", KnowledgeBase.class);
            console.robot().push(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil(
                    "a new entry", () -> console.text("#knowledge-editor-title").startsWith("New entry"));
            console.robot().clickOn("#knowledge-question-en").write("Do you rent bicycles?");
            console.robot().clickOn("#knowledge-answer-en").write("Yes, city bikes at 15 EUR a day.");
            console.robot().clickOn("#knowledge-question-es").write("Alquilan bicicletas?");
            console.robot().push(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil("the field error", () -> console.showing("#knowledge-error-answer-es"));
            assertEquals(
                    "the question has this language, so the answer needs it too",
                    console.text("#knowledge-error-answer-es"));
            assertEquals("Nothing was saved: check the fields marked below.", console.text("#knowledge-problem"));
            assertEquals(before, manager.get("/api/staff/knowledge", KnowledgeBase.class), "nothing changed");
            console.assertEveryControlIsNamed();
            console.screenshot("knowledge-field-error.png");

            // another entry while this one holds text: asked first, and Escape keeps writing
            console.robot().clickOn(console.onFx(() -> table.getItems().get(0).question()));
            console.waitUntil("the question before dropping it", () -> console.showing("#discard-confirmation"));
            assertEquals("Discard your changes to the new entry?", console.text("#discard-question"));
            console.screenshot("knowledge-discard.png");
            console.robot().type(KeyCode.ESCAPE);
            console.waitUntil("the question gone", () -> !console.showing("#discard-confirmation"));
            assertEquals("Do you rent bicycles?", console.text("#knowledge-question-en"));
        }
    }

    @Test
    void aSaveOverAnotherDesksNewerChangeIsRefusedAndReloadShowsTheirs() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"))) {
            ApiClient otherDesk = server.client("owner");
            DemoAccount account = server.account("manager");
            ConsoleWindow console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());
            console.signIn(account.email(), account.password());
            console.waitForShell();
            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT6, KeyCombination.SHORTCUT_DOWN));
            @SuppressWarnings("unchecked")
            TableView<KnowledgeRow> table = console.find("#knowledge-table", TableView.class);
            console.robot().clickOn("#knowledge-filter").write("aparcamiento");
            console.waitUntil(
                    "one entry left by the filter", () -> table.getItems().size() == 1);
            console.robot().clickOn(console.onFx(() -> table.getItems().get(0).question()));
            TextArea spanish = console.find("#knowledge-answer-es", TextArea.class);
            console.robot().clickOn(spanish);
            console.robot().push(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN));
            console.robot().write(PARKING_ES);

            // meanwhile the owner saves another text for the same entry at another desk
            String theirs = "Sí, 30 plazas, gratis para los huéspedes.";
            KnowledgeBase list = otherDesk.get("/api/staff/knowledge", KnowledgeBase.class);
            otherDesk.put(
                    "/api/staff/knowledge",
                    new KnowledgeBase(list.entries().stream()
                            .map(entry -> "parking".equals(entry.id())
                                    ? new KnowledgeBase.Entry(
                                            entry.id(),
                                            entry.question(),
                                            withSpanish(entry.answer(), theirs),
                                            null,
                                            entry.updatedAt())
                                    : entry)
                            .toList()),
                    KnowledgeBase.class);
            console.robot().push(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));

            console.waitUntil(
                    "the conflict",
                    () -> console.text("#knowledge-conflict").startsWith("Someone else changed this entry"));
            assertEquals(theirs, entry(otherDesk, "parking").answer().get("es"), "their save stands");
            assertEquals(PARKING_ES, console.onFx(spanish::getText), "these edits stay on screen");
            assertTrue(console.showing("#knowledge-reload"));
            console.screenshot("knowledge-conflict.png");

            console.robot().clickOn("#knowledge-reload");
            console.waitUntil("asked first", () -> console.showing("#discard-confirmation"));
            console.robot().clickOn("#confirm-discard");
            console.waitUntil("their version", () -> theirs.equals(console.text("#knowledge-answer-es")));
            assertFalse(console.showing("#knowledge-reload"), "no conflict any more");
        }
    }

    private static java.util.Map<String, String> withSpanish(java.util.Map<String, String> texts, String spanish) {
        java.util.Map<String, String> changed = new java.util.LinkedHashMap<>(texts);
        changed.put("es", spanish);
        return changed;
    }

    @Test
    void theFrontDeskReadsTheEntriesButCannotChangeThem() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"))) {
            DemoAccount account = server.account("front_desk");
            ConsoleWindow console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());
            console.signIn(account.email(), account.password());
            console.waitForShell();
            assertFalse(console.showing("#nav-reports"), "no reports for the front desk");

            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT6, KeyCombination.SHORTCUT_DOWN));
            @SuppressWarnings("unchecked")
            TableView<KnowledgeRow> table = console.find("#knowledge-table", TableView.class);
            console.waitUntil("the entries", () -> !table.getItems().isEmpty());
            assertEquals(
                    "Read only: only a manager or the owner changes what the assistant answers from.",
                    console.text("#knowledge-read-only"));
            console.robot().clickOn(console.onFx(() -> table.getItems().get(0).question()));
            TextArea answer = console.find("#knowledge-answer-en", TextArea.class);
            assertFalse(console.onFx(answer::isEditable));
            assertTrue(console.onFx(() -> !answer.getText().isBlank()), "the answer is there to read");
            assertFalse(console.showing("#knowledge-save"));
            assertFalse(console.showing("#knowledge-new"));
            assertFalse(console.showing("#knowledge-unanswered"), "the reports' questions are for managers");
            console.assertEveryControlIsNamed();
            console.screenshot("knowledge-front-desk.png");
        }
    }
}
