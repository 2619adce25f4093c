package dev.concierge.console.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.Report;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.files.FileExport;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsViewModelTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 10);

    private final FakeReports server = new FakeReports();
    private final List<Report.UnansweredQuestion> added = new ArrayList<>();
    private final List<String> exported = new ArrayList<>();
    private final ServerCalls calls = new ServerCalls(Runnable::run, Runnable::run, () -> {});

    @TempDir
    Path folder;

    /** Where the person chose to save: the name suggested, in a temp folder. */
    private final List<String> suggested = new ArrayList<>();

    private ReportsViewModel model() {
        return model(dev.concierge.console.Texts.english());
    }

    private ReportsViewModel model(dev.concierge.console.Texts texts) {
        FileExport export = new FileExport(
                (path, target, received) -> {
                    exported.add(path);
                    byte[] sheet = "PK…".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    try {
                        java.nio.file.Files.write(target, sheet);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    received.accept(sheet.length);
                    return sheet.length;
                },
                calls);
        return new ReportsViewModel(texts, server, MADRID, calls, added::add, export, name -> {
            suggested.add(name);
            return Optional.of(folder.resolve(name));
        });
    }

    @Test
    void eachPeriodIsItsDaysUpToTheVenuesToday() {
        assertEquals(new Period.Days(LocalDate.of(2026, 3, 4), TUESDAY), Period.LAST_7_DAYS.days(TUESDAY, null, null));
        assertEquals(new Period.Days(LocalDate.of(2026, 2, 9), TUESDAY), Period.LAST_30_DAYS.days(TUESDAY, null, null));
        assertEquals(new Period.Days(LocalDate.of(2026, 3, 1), TUESDAY), Period.THIS_MONTH.days(TUESDAY, null, null));
        assertEquals(
                new Period.Days(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 9)),
                Period.CUSTOM.days(TUESDAY, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 9)));
    }

    @Test
    void thePeriodPickedAsksForItsDaysAndShowsThem() {
        ReportsViewModel model = model();

        model.refresh();
        assertEquals(List.of("2026-03-04..2026-03-10"), server.asked, "last 7 days at first");
        assertEquals(LocalDate.of(2026, 3, 4), model.fromProperty().get());
        assertEquals(TUESDAY, model.toProperty().get());
        assertEquals("Wed 4 Mar 2026 – Tue 10 Mar 2026", model.headingProperty().get());

        model.periodProperty().set(Period.THIS_MONTH);
        assertEquals("2026-03-01..2026-03-10", server.asked.get(1));
        assertEquals(Period.THIS_MONTH, model.periodProperty().get(), "days the period sets leave it as it is");

        model.fromProperty().set(LocalDate.of(2026, 3, 9));
        assertEquals(Period.CUSTOM, model.periodProperty().get(), "a day picked makes it custom");
        assertEquals("2026-03-09..2026-03-10", server.asked.get(2));

        model.toProperty().set(LocalDate.of(2026, 3, 1));
        assertEquals("The first day must not be after the last.", model.getProblem());
        assertEquals(3, server.asked.size(), "nothing asked");
    }

    @Test
    void theConversationsChartHasASeriesPerChannelWithAValueForEveryDay() {
        server.days = List.of(
                day(LocalDate.of(2026, 3, 9), Map.of("kiosk", 1), 0, 0, 0),
                day(TUESDAY, Map.of("web", 2, "kiosk", 1), 3, 4, 1));
        ReportsViewModel model = model();

        model.refresh();

        Plot conversations = model.conversationsProperty().get();
        assertEquals(List.of("9 Mar", "10 Mar"), conversations.categories());
        assertEquals(
                List.of("Website", "Kiosk"),
                conversations.series().stream().map(Plot.Series::name).toList(),
                "the website first, then the kiosk");
        assertEquals(List.of(0.0, 2.0), conversations.series().get(0).values());
        assertEquals(List.of(1.0, 1.0), conversations.series().get(1).values());
        assertEquals(
                "10 Mar: 2 on the website",
                conversations.series().get(0).notes().get(1));
        Plot occupancy = model.occupancyProperty().get();
        assertEquals(List.of(0.0, 100.0 * 3 / 45), occupancy.series().get(0).values());
        assertEquals(
                "10 Mar: 3 of 45 rooms (7 %)", occupancy.series().get(0).notes().get(1));
        Plot covers = model.coversProperty().get();
        assertEquals(
                List.of("Covers", "Appointments"),
                covers.series().stream().map(Plot.Series::name).toList());
        assertEquals(List.of(0.0, 4.0), covers.series().get(0).values());
        assertEquals(List.of(0.0, 1.0), covers.series().get(1).values());
    }

    @Test
    void tasksHandoffsStaffTimesAndSatisfactionAreWrittenForAPerson() {
        server.days = List.of(day(TUESDAY, Map.of("web", 3), 0, 0, 0));
        server.tasks = List.of(
                new Report.TaskOutcomes("order", 0, 3, Map.of("payment", 2, "room_number", 1)),
                new Report.TaskOutcomes("book_service", 1, 0, Map.of()));
        server.handoffs = new Report.Handoffs(2, 2.0 / 3, Map.of("request", 1, "frustration", 1));
        server.staff = new Report.StaffTimes(1, 150L, 1, 1_200L);
        server.satisfaction = new Report.Satisfaction(2, 1, 2.0 / 3);
        ReportsViewModel model = model();

        model.refresh();

        Plot tasks = model.tasksProperty().get();
        assertEquals(List.of("Order", "Book service"), tasks.categories(), "the task begun most first");
        assertEquals(List.of(0.0, 1.0), tasks.series().get(0).values());
        assertEquals(List.of(3.0, 0.0), tasks.series().get(1).values());
        assertEquals(
                "Order: 3 left, at payment 2, at room number 1",
                tasks.series().get(1).notes().get(0));
        assertEquals(
                "2 of 3 conversations handed to staff (67 %)",
                model.handoffTextProperty().get());
        assertEquals(
                List.of("Frustration", "Request"),
                model.handoffReasonsProperty().get().categories());
        assertEquals("2 min 30 s", model.firstResponseProperty().get());
        assertEquals("20 min", model.resolutionProperty().get());
        assertEquals("67 %", model.scoreProperty().get());
        assertEquals("thumbs up 2 · thumbs down 1", model.ratingsTextProperty().get());
        assertEquals(
                "3 conversations: 3 on the website · in en 3",
                model.conversationsTextProperty().get());
    }

    @Test
    void aSpanishDeskReadsEveryBarAndSentenceInSpanish() {
        server.days = List.of(day(TUESDAY, Map.of("web", 3), 3, 1, 2));
        server.tasks = List.of(new Report.TaskOutcomes("order", 1, 2, Map.of("payment", 2)));
        server.handoffs = new Report.Handoffs(1, 1.0 / 3, Map.of("frustration", 1));
        ReportsViewModel model = model(new dev.concierge.console.Texts(dev.concierge.console.UiLanguage.ES));

        model.refresh();

        Plot conversations = model.conversationsProperty().get();
        assertEquals(
                "10 mar: 3 en la web", conversations.series().get(0).notes().get(0));
        assertEquals(
                "3 conversaciones: 3 en la web · idiomas: en 3",
                model.conversationsTextProperty().get());
        Plot tasks = model.tasksProperty().get();
        assertEquals(List.of("Pedido de la carta"), tasks.categories());
        assertEquals(
                "Pedido de la carta: 1 completadas",
                tasks.series().get(0).notes().get(0));
        assertEquals(
                "Pedido de la carta: 2 abandonadas, en pago 2",
                tasks.series().get(1).notes().get(0));
        assertEquals(
                "1 de 3 conversaciones pasadas al personal (33 %)",
                model.handoffTextProperty().get());
        assertEquals(
                List.of("Frustración"), model.handoffReasonsProperty().get().categories());
        assertEquals(
                "10 mar: 3 de 45 habitaciones (7 %)",
                model.occupancyProperty().get().series().get(0).notes().get(0));
        Plot covers = model.coversProperty().get();
        assertEquals("10 mar: 1 cubierto", covers.series().get(0).notes().get(0));
        assertEquals("10 mar: 2 citas", covers.series().get(1).notes().get(0));
    }

    @Test
    void aDayWithNoCoverSaysNoneInsteadOfOne() {
        server.days = List.of(day(TUESDAY, Map.of("kiosk", 1), 0, 0, 1));
        ReportsViewModel model = model();

        model.refresh();

        Plot covers = model.coversProperty().get();
        assertEquals("10 Mar: 0 covers", covers.series().get(0).notes().get(0));
        assertEquals("10 Mar: 1 appointment", covers.series().get(1).notes().get(0));
        assertEquals(
                "1 conversation: 1 on the kiosk · in en 1",
                model.conversationsTextProperty().get());
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("—", ReportsViewModel.duration(null));
        assertEquals("45 s", ReportsViewModel.duration(45L));
        assertEquals("2 min 30 s", ReportsViewModel.duration(150L));
        assertEquals("5 min", ReportsViewModel.duration(300L));
        assertEquals("1 h 5 min", ReportsViewModel.duration(3_900L));
        assertEquals("2 d 3 h", ReportsViewModel.duration(2 * 86_400L + 3 * 3_600L));
    }

    @Test
    void aQuietPeriodSaysSoInsteadOfDrawingNothing() {
        server.days = List.of(day(TUESDAY, Map.of(), 0, 0, 0));
        ReportsViewModel model = model();

        model.refresh();

        assertTrue(model.conversationsProperty().get().isBlank());
        assertEquals(
                "No conversations in this period.",
                model.conversationsTextProperty().get());
        assertTrue(model.tasksProperty().get().isBlank());
        assertEquals(
                "No conversation was handed to staff in this period.",
                model.handoffTextProperty().get());
        assertEquals("—", model.firstResponseProperty().get());
        assertEquals("—", model.scoreProperty().get());
        assertEquals(
                "No guest rated a conversation in this period.",
                model.ratingsTextProperty().get());
    }

    @Test
    void anUnansweredQuestionGoesToTheKnowledgeScreenAndTheExportTakesTheDaysShown() {
        server.unanswered = List.of(
                new Report.UnansweredQuestion("¿Tienen helipuerto?", "es", Instant.parse("2026-03-10T08:15:00Z")));
        ReportsViewModel model = model();
        model.refresh();

        ReportsViewModel.Unanswered question = model.unanswered().get(0);
        assertEquals("Tue 10 Mar 09:15", question.when());
        model.addToKnowledge(question);
        model.exportSpreadsheet();

        assertEquals(List.of(server.unanswered.get(0)), added);
        assertEquals(List.of("concierge-report-2026-03-04-to-2026-03-10.xlsx"), suggested);
        assertEquals(List.of("/api/staff/reports.xlsx?from=2026-03-04&to=2026-03-10"), exported);
        Path saved = folder.resolve("concierge-report-2026-03-04-to-2026-03-10.xlsx");
        assertEquals(saved, model.export().savedProperty().get());
        assertTrue(java.nio.file.Files.exists(saved));
    }

    @Test
    void anAnswerForAPeriodNoLongerWantedIsDropped() {
        List<Runnable> background = new ArrayList<>();
        ReportsViewModel model = new ReportsViewModel(
                dev.concierge.console.Texts.english(),
                server,
                MADRID,
                new ServerCalls(background::add, Runnable::run, () -> {}),
                added::add,
                new FileExport((path, target, received) -> 0, calls),
                name -> Optional.empty());
        model.refresh();
        Runnable sevenDays = background.remove(0);
        model.periodProperty().set(Period.THIS_MONTH);

        background.remove(0).run();
        sevenDays.run();

        assertEquals(LocalDate.of(2026, 3, 1), model.fromProperty().get());
        assertEquals("Sun 1 Mar 2026 – Tue 10 Mar 2026", model.headingProperty().get());
    }

    private static Report.Day day(
            LocalDate date, Map<String, Integer> channels, int roomsOccupied, int covers, int appointments) {
        return new Report.Day(date, channels, 0, roomsOccupied, 45, covers, appointments);
    }

    /** A report of whatever days are asked, with the figures a test sets. */
    private static final class FakeReports implements ReportsApi {
        final List<String> asked = new ArrayList<>();

        @Nullable
        List<Report.Day> days;

        List<Report.TaskOutcomes> tasks = List.of();
        Report.Handoffs handoffs = new Report.Handoffs(0, 0, Map.of());
        Report.StaffTimes staff = new Report.StaffTimes(0, null, 0, null);
        Report.Satisfaction satisfaction = new Report.Satisfaction(0, 0, null);
        List<Report.UnansweredQuestion> unanswered = List.of();

        @Override
        public LocalDate today() {
            return TUESDAY;
        }

        @Override
        public Report report(LocalDate from, LocalDate to) {
            asked.add(from + ".." + to);
            List<Report.Day> shown = days;
            if (shown == null) {
                shown = from.datesUntil(to.plusDays(1))
                        .map(date -> day(date, Map.of(), 0, 0, 0))
                        .toList();
            }
            Map<String, Integer> byChannel = new java.util.TreeMap<>();
            shown.forEach(day ->
                    day.conversationsByChannel().forEach((channel, n) -> byChannel.merge(channel, n, Integer::sum)));
            int total = byChannel.values().stream().mapToInt(Integer::intValue).sum();
            return new Report(
                    from,
                    to,
                    new Report.Conversations(total, byChannel, total == 0 ? Map.of() : Map.of("en", total)),
                    tasks,
                    handoffs,
                    staff,
                    satisfaction,
                    List.of(),
                    unanswered,
                    shown);
        }
    }
}
