package dev.concierge.console.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiClient;
import dev.concierge.api.BookingView;
import dev.concierge.api.ChatReply;
import dev.concierge.api.ChatRequest;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.KnowledgeBase;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.api.ReservationRequest;
import dev.concierge.console.Connection.DemoAccount;
import dev.concierge.console.ConsoleTestServer;
import dev.concierge.console.ConsoleWindow;
import dev.concierge.console.ConsoleWindows;
import dev.concierge.console.files.SaveLocation;
import dev.concierge.testing.RawHttp;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports against a real server at the demo hotel on Tuesday 10 March 2026: guests chat on the website and at the
 * kiosk (one asks what nobody answers, one asks for a person, one rates), the desk books a stay and a table; a manager
 * sees the day's figures charted, adds the unanswered question to the knowledge base from the report (the assistant
 * then answers it) and exports the report to a spreadsheet.
 */
class ReportsViewIT {
    private static final String HELIPAD = "Do you have a helipad for my helicopter?";
    private static final String HELIPAD_ANSWER = "Yes: the roof helipad takes one helicopter, book it at reception.";

    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    @Test
    void theDaysFiguresAreChartedAndAnUnansweredQuestionBecomesAnEntryTheAssistantAnswers() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"))) {
            ApiClient manager = server.client("manager");
            String key = manager.createPublicKey(new PublicKeyRequest("Website", List.of()))
                    .key();
            ApiClient guest = ApiClient.of(server.uri()).withPublicKey(key);
            String checkout = chat(guest, "web", "What time is check-out?");
            chat(guest, "web", HELIPAD);
            chat(guest, "kiosk", "I want to talk to a person");
            // a massage booked in the chat (a task completed), an order left at the payment (a task abandoned)
            chat(
                    guest,
                    "web",
                    "Book a massage tomorrow at 10am, I'm Ana López, ana@example.com",
                    "yes",
                    "Can I order two club sandwiches to room 12?",
                    "Actually, I'd like to book a table for dinner");
            RawHttp website = new RawHttp(server.uri()).with("X-Concierge-Key", key);
            assertEquals(
                    204,
                    website.postJson("/api/chat/" + checkout + "/rating", "{\"rating\": \"up\"}")
                            .status());
            ContactDetails ana = new ContactDetails("Ana López", "ana@example.com", null);
            book(
                    manager,
                    new ReservationRequest(
                            null,
                            null,
                            null,
                            "double",
                            LocalDate.of(2026, 3, 10),
                            LocalDate.of(2026, 3, 12),
                            2,
                            ana,
                            null,
                            "confirmed"));
            book(
                    manager,
                    new ReservationRequest(
                            "dinner", "2026-03-10T20:00", 4, null, null, null, null, ana, null, "confirmed"));

            Path exports = temp.resolve("exports");
            Files.createDirectories(exports);
            Path settings = temp.resolve("settings");
            Files.createDirectories(settings);
            // a fixed export folder: the export is saved there at once, with no native save dialog
            Files.writeString(
                    settings.resolve("console.properties"),
                    SaveLocation.EXPORT_FOLDER + "=" + exports.toString().replace("\\", "\\\\") + "\n");
            DemoAccount account = server.account("manager");
            ConsoleWindow console =
                    windows.open(settings, "--server", server.uri().toString());
            console.signIn(account.email(), account.password());
            console.waitForShell();

            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT7, KeyCombination.SHORTCUT_DOWN));
            @SuppressWarnings("unchecked")
            XYChart<String, Number> conversations = console.find("#reports-conversations-chart", XYChart.class);
            console.waitUntil("the day's conversations charted", () -> value(conversations, "Website", "10 Mar") == 3);
            assertEquals(1, console.onFx(() -> value(conversations, "Kiosk", "10 Mar")));
            assertEquals(
                    0,
                    console.onFx(() -> value(conversations, "Website", "9 Mar")),
                    "the last 7 days, every day a category");
            assertEquals(
                    7,
                    console.onFx(() -> conversations.getData().get(0).getData().size()));
            @SuppressWarnings("unchecked")
            XYChart<String, Number> covers = console.find("#reports-covers-chart", XYChart.class);
            assertEquals(4, console.onFx(() -> value(covers, "Covers", "10 Mar")));
            @SuppressWarnings("unchecked")
            XYChart<String, Number> occupancy = console.find("#reports-occupancy-chart", XYChart.class);
            assertEquals(100.0 / 45, console.onFx(() -> valueOf(occupancy, "Rooms occupied (%)", "10 Mar")), 1e-9);
            assertEquals("1 of 4 conversations handed to staff (25 %)", console.text("#reports-handoff-rate"));
            @SuppressWarnings("unchecked")
            XYChart<String, Number> tasks = console.find("#reports-tasks-chart", XYChart.class);
            assertEquals(1, console.onFx(() -> value(tasks, "Completed", "Book service")));
            assertEquals(1, console.onFx(() -> value(tasks, "Abandoned", "Order")));
            @SuppressWarnings("unchecked")
            ListView<ReportsViewModel.TopQuestion> top = console.find("#reports-top-questions", ListView.class);
            assertEquals(
                    "What time is check-out?",
                    console.onFx(() -> top.getItems().get(0).question()));
            assertEquals("100 %", console.text("#reports-score"));
            assertEquals("thumbs up 1 · thumbs down 0", console.text("#reports-score-text"));
            assertEquals("Wed 4 Mar 2026 – Tue 10 Mar 2026", console.text("#reports-heading"));
            @SuppressWarnings("unchecked")
            ListView<ReportsViewModel.Unanswered> unanswered = console.find("#reports-unanswered", ListView.class);
            assertEquals(
                    HELIPAD, console.onFx(() -> unanswered.getItems().get(0).text()));
            console.assertEveryControlIsNamed();
            console.screenshot("reports.png");
            ScrollPane page = console.find("#reports-page", ScrollPane.class);
            console.change(() -> page.setVvalue(0.5));
            console.screenshot("reports-middle.png");
            console.change(() -> page.setVvalue(1));
            console.screenshot("reports-lists.png");

            console.robot().clickOn(console.robot().lookup("#add-to-knowledge").queryAs(Node.class));
            console.waitUntil("the knowledge screen", () -> console.showing("#knowledge"));
            TextArea question = console.find("#knowledge-question-en", TextArea.class);
            assertEquals(HELIPAD, console.onFx(question::getText));
            TextArea answer = console.find("#knowledge-answer-en", TextArea.class);
            console.waitUntil("the English answer to write", answer::isFocused);
            console.robot().write(HELIPAD_ANSWER);
            console.screenshot("knowledge-from-report.png");
            console.robot().push(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil(
                    "the entry saved", () -> console.text("#knowledge-notice").startsWith("Saved"));

            KnowledgeBase.Entry saved = manager.get("/api/staff/knowledge", KnowledgeBase.class).entries().stream()
                    .filter(entry -> HELIPAD.equals(entry.question().get("en")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no entry asking " + HELIPAD));
            assertEquals(HELIPAD_ANSWER, saved.answer().get("en"));
            assertEquals("staff", saved.source());
            assertEquals(
                    HELIPAD_ANSWER,
                    guest.post("/api/chat", new ChatRequest(null, HELIPAD, null, "web"), ChatReply.class)
                            .reply(),
                    "the assistant answers from the new entry at once");

            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT7, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil("the reports again", () -> console.showing("#reports"));
            console.robot().clickOn("#reports-export");
            console.waitUntil(
                    "the spreadsheet saved",
                    () -> console.text("#reports-export-progress").startsWith("Saved"));
            Path sheet = exports.resolve("concierge-report-2026-03-04-to-2026-03-10.xlsx");
            assertTrue(Files.exists(sheet), () -> "saved " + list(exports));
            try (InputStream in = Files.newInputStream(sheet);
                    XSSFWorkbook book = new XSSFWorkbook(in)) {
                Sheet days = book.getSheet("Days");
                Row tuesday = days.getRow(7);
                assertEquals(
                        LocalDate.of(2026, 3, 10),
                        tuesday.getCell(0).getLocalDateTimeCellValue().toLocalDate());
                int covered = column(days, "Covers");
                assertEquals(4.0, tuesday.getCell(covered).getNumericCellValue());
            }
            console.screenshot("reports-exported.png");
        }
    }

    /** One conversation, each message answered in turn; its id. */
    private static String chat(ApiClient guest, String channel, String... messages) {
        String id = null;
        for (String message : messages) {
            id = guest.post("/api/chat", new ChatRequest(id, message, null, channel), ChatReply.class)
                    .conversationId();
        }
        return id;
    }

    private static void book(ApiClient manager, ReservationRequest request) {
        manager.post("/api/staff/bookings", request, BookingView.class);
    }

    private static int value(XYChart<String, Number> chart, String series, String category) {
        return (int) Math.round(valueOf(chart, series, category));
    }

    /** The value the chart holds for {@code category} in {@code series} (read on the FX thread by the caller). */
    private static double valueOf(XYChart<String, Number> chart, String series, String category) {
        Optional<Number> value = chart.getData().stream()
                .filter(one -> one.getName().equals(series))
                .flatMap(one -> one.getData().stream())
                .filter(point -> point.getXValue().equals(category))
                .map(XYChart.Data::getYValue)
                .findFirst();
        return value.map(Number::doubleValue).orElse(-1.0);
    }

    private static int column(Sheet sheet, String name) {
        Row header = sheet.getRow(0);
        for (int i = 0; i < header.getLastCellNum(); i++) {
            if (name.equals(header.getCell(i).getStringCellValue())) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
