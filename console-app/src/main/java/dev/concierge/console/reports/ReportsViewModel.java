package dev.concierge.console.reports;

import dev.concierge.api.Report;
import dev.concierge.console.Formats;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.files.FileExport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * One report over a period the manager picks, turned into what the charts and lists show: conversations per day by
 * channel, task outcomes, handoffs and their reasons, staff times, satisfaction, occupancy and covers per day, the
 * questions asked most and those nobody answered (each one click from a knowledge entry). Asked for again every few
 * seconds while it shows; the charts only change when the figures do.
 */
public final class ReportsViewModel {

    /** A question asked most, with how often. */
    public record TopQuestion(String question, int count) {
        public String spoken(dev.concierge.console.Texts texts) {
            return texts.get("reports.top.spoken", question, count);
        }
    }

    /** A question nobody could answer, as the list shows it. */
    public record Unanswered(Report.UnansweredQuestion question, String text, String language, String when) {
        public String spoken(dev.concierge.console.Texts texts) {
            return texts.get("reports.unanswered.spoken", text, language, when);
        }
    }

    private final dev.concierge.console.Texts texts;
    private final DateTimeFormatter dayFormat;
    private final DateTimeFormatter dayOfYear;
    private final DateTimeFormatter longDay;
    private static final List<String> CHANNELS = List.of("web", "kiosk", "api");

    private final ReportsApi api;
    private final ZoneId zone;
    private final ServerCalls calls;
    private final Consumer<Report.UnansweredQuestion> addToKnowledge;
    private final FileExport export;
    private final SaveTarget saveTarget;

    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period", Period.LAST_7_DAYS);
    private final ObjectProperty<@Nullable LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<@Nullable LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ReadOnlyObjectWrapper<@Nullable Report> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyObjectWrapper<Plot> conversations =
            new ReadOnlyObjectWrapper<>(this, "conversations", Plot.empty());
    private final ReadOnlyObjectWrapper<Plot> tasks = new ReadOnlyObjectWrapper<>(this, "tasks", Plot.empty());
    private final ReadOnlyObjectWrapper<Plot> handoffReasons =
            new ReadOnlyObjectWrapper<>(this, "handoffReasons", Plot.empty());
    private final ReadOnlyObjectWrapper<Plot> occupancy = new ReadOnlyObjectWrapper<>(this, "occupancy", Plot.empty());
    private final ReadOnlyObjectWrapper<Plot> covers = new ReadOnlyObjectWrapper<>(this, "covers", Plot.empty());
    private final ReadOnlyStringWrapper conversationsText = new ReadOnlyStringWrapper(this, "conversationsText", "");
    private final ReadOnlyStringWrapper handoffText = new ReadOnlyStringWrapper(this, "handoffText", "");
    private final ReadOnlyStringWrapper firstResponse = new ReadOnlyStringWrapper(this, "firstResponse", "—");
    private final ReadOnlyStringWrapper firstResponseText = new ReadOnlyStringWrapper(this, "firstResponseText", "");
    private final ReadOnlyStringWrapper resolution = new ReadOnlyStringWrapper(this, "resolution", "—");
    private final ReadOnlyStringWrapper resolutionText = new ReadOnlyStringWrapper(this, "resolutionText", "");
    private final ReadOnlyStringWrapper score = new ReadOnlyStringWrapper(this, "score", "—");
    private final ReadOnlyStringWrapper ratingsText = new ReadOnlyStringWrapper(this, "ratingsText", "");
    private final ReadOnlyObjectWrapper<@Nullable Double> scoreShare = new ReadOnlyObjectWrapper<>(this, "scoreShare");
    private final ObservableList<TopQuestion> topQuestions = FXCollections.observableArrayList();
    private final ObservableList<Unanswered> unanswered = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private boolean settingDays;
    private long asked;
    private boolean askAgain;

    /**
     * @param addToKnowledge what "Add to knowledge" does with a question nobody could answer: the console opens the
     *     knowledge screen with a new entry asking it
     * @param export downloads the report's spreadsheet off the FX thread
     * @param saveTarget asks where to save it
     */
    public ReportsViewModel(
            dev.concierge.console.Texts texts,
            ReportsApi api,
            ZoneId zone,
            ServerCalls calls,
            Consumer<Report.UnansweredQuestion> addToKnowledge,
            FileExport export,
            SaveTarget saveTarget) {
        this.texts = texts;
        Locale locale = texts.locale();
        this.dayFormat = DateTimeFormatter.ofPattern("d MMM", locale);
        this.dayOfYear = DateTimeFormatter.ofPattern("d MMM yy", locale);
        this.longDay = DateTimeFormatter.ofPattern("EEE d MMM yyyy", locale);
        this.api = api;
        this.zone = zone;
        this.calls = calls;
        this.addToKnowledge = addToKnowledge;
        this.export = export;
        this.saveTarget = saveTarget;
        period.addListener((observable, before, now) -> {
            if (now != Period.CUSTOM) {
                ask();
            }
        });
        from.addListener((observable, before, now) -> pickedDay());
        to.addListener((observable, before, now) -> pickedDay());
    }

    /** A day typed or picked makes the period a custom one. */
    private void pickedDay() {
        if (settingDays) {
            return;
        }
        if (period.get() != Period.CUSTOM) {
            period.set(Period.CUSTOM);
        }
        ask();
    }

    /** Asks for the report of the period again (every few seconds while the screen shows). */
    public void refresh() {
        if (loading.get()) {
            askAgain = true;
            return;
        }
        ask();
    }

    /** Asks now; an answer to an older question (another period) is dropped when it comes. */
    private void ask() {
        Period wanted = period.get();
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (wanted == Period.CUSTOM && first != null && last != null && first.isAfter(last)) {
            problem.set(texts.get("reports.firstAfterLast"));
            return;
        }
        long question = ++asked;
        loading.set(true);
        calls.call(
                () -> {
                    Period.Days days = wanted.days(api.today(), first, last);
                    return api.report(days.from(), days.to());
                },
                answer -> {
                    if (question == asked) {
                        show(answer);
                        answered();
                    }
                },
                why -> {
                    if (question == asked) {
                        problem.set(texts.get("reports.notLoaded", why));
                        answered();
                    }
                });
    }

    private void answered() {
        loading.set(false);
        if (askAgain) {
            askAgain = false;
            ask();
        }
    }

    void show(Report fresh) {
        problem.set("");
        if (period.get() != Period.CUSTOM) {
            settingDays = true;
            from.set(fresh.from());
            to.set(fresh.to());
            settingDays = false;
        }
        if (fresh.equals(report.get())) {
            return;
        }
        report.set(fresh);
        heading.set(longDay.format(fresh.from())
                + (fresh.from().equals(fresh.to()) ? "" : " – " + longDay.format(fresh.to())));
        showConversations(fresh);
        showTasks(fresh);
        showHandoffs(fresh);
        showStaff(fresh.staff());
        showSatisfaction(fresh.satisfaction());
        showDays(fresh);
        topQuestions.setAll(fresh.topQuestions().stream()
                .map(asked -> new TopQuestion(asked.question(), asked.count()))
                .toList());
        unanswered.setAll(fresh.unanswered().stream()
                .map(question -> new Unanswered(
                        question,
                        question.text(),
                        question.language().isBlank() ? "?" : question.language(),
                        Formats.dayAndTime(question.at(), zone)))
                .toList());
    }

    private List<String> dayNames(Report fresh) {
        boolean years = fresh.from().getYear() != fresh.to().getYear()
                || ChronoUnit.DAYS.between(fresh.from(), fresh.to()) >= 365;
        return fresh.days().stream()
                .map(day -> (years ? dayOfYear : dayFormat).format(day.date()))
                .toList();
    }

    private void showConversations(Report fresh) {
        Set<String> channels = new LinkedHashSet<>();
        CHANNELS.stream()
                .filter(channel -> fresh.days().stream()
                        .anyMatch(day -> day.conversationsByChannel().containsKey(channel)))
                .forEach(channels::add);
        fresh.days().stream()
                .flatMap(day -> day.conversationsByChannel().keySet().stream())
                .sorted()
                .forEach(channels::add);
        List<String> days = dayNames(fresh);
        List<Plot.Series> series = new ArrayList<>();
        for (String channel : channels) {
            List<Double> values = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < fresh.days().size(); i++) {
                int count = fresh.days().get(i).conversationsByChannel().getOrDefault(channel, 0);
                values.add((double) count);
                notes.add(texts.get("reports.note.onChannel", days.get(i), count, channelOn(channel)));
            }
            series.add(new Plot.Series(channelName(channel), values, notes));
        }
        conversations.set(new Plot(days, series));
        int total = fresh.conversations().total();
        conversationsText.set(
                total == 0
                        ? texts.get("reports.noConversations")
                        : texts.get(
                                        "reports.conversationsTotal",
                                        total,
                                        fresh.conversations().byChannel().entrySet().stream()
                                                .sorted(Map.Entry.<String, Integer>comparingByValue()
                                                        .reversed())
                                                .map(entry -> texts.get(
                                                        "reports.onChannel",
                                                        entry.getValue(),
                                                        channelOn(entry.getKey())))
                                                .collect(Collectors.joining(", ")))
                                + languages(fresh.conversations().byLanguage()));
    }

    private String languages(Map<String, Integer> byLanguage) {
        if (byLanguage.isEmpty()) {
            return "";
        }
        return texts.get(
                "reports.inLanguages",
                byLanguage.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .map(entry -> entry.getKey() + " " + entry.getValue())
                        .collect(Collectors.joining(", ")));
    }

    String channelName(String channel) {
        return switch (channel) {
            case "web", "kiosk", "api" -> texts.get("reports.channel." + channel);
            default -> sentence(channel);
        };
    }

    /** "the website", as "2 on the website" says it. */
    private String channelOn(String channel) {
        return switch (channel) {
            case "web", "kiosk", "api" -> texts.get("reports.on." + channel);
            default -> Formats.words(channel);
        };
    }

    private void showTasks(Report fresh) {
        List<Report.TaskOutcomes> outcomes = fresh.tasks().stream()
                .sorted(Comparator.comparingInt((Report.TaskOutcomes task) -> task.completed() + task.abandoned())
                        .reversed()
                        .thenComparing(Report.TaskOutcomes::task))
                .toList();
        List<String> names = outcomes.stream()
                .map(task -> sentence(texts.word("reports.task", task.task())))
                .toList();
        List<Double> completed = new ArrayList<>();
        List<String> completedNotes = new ArrayList<>();
        List<Double> abandoned = new ArrayList<>();
        List<String> abandonedNotes = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Report.TaskOutcomes task = outcomes.get(i);
            completed.add((double) task.completed());
            completedNotes.add(texts.get("reports.note.completed", names.get(i), task.completed()));
            abandoned.add((double) task.abandoned());
            abandonedNotes.add(texts.get("reports.note.left", names.get(i), task.abandoned())
                    + (task.abandonedAt().isEmpty() ? "" : ", " + whereLeft(task.abandonedAt())));
        }
        tasks.set(new Plot(
                names,
                outcomes.isEmpty()
                        ? List.of()
                        : List.of(
                                new Plot.Series(texts.get("reports.completed"), completed, completedNotes),
                                new Plot.Series(texts.get("reports.abandoned"), abandoned, abandonedNotes))));
    }

    /** "at payment 1, at name 2": the question the assistant was asking when the guest left. */
    private String whereLeft(Map<String, Integer> abandonedAt) {
        return abandonedAt.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> texts.get("reports.leftAt", texts.word("reports.slot", entry.getKey()), entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    private void showHandoffs(Report fresh) {
        Report.Handoffs handoffs = fresh.handoffs();
        int total = fresh.conversations().total();
        handoffText.set(
                handoffs.count() == 0
                        ? texts.get("reports.noHandoffs")
                        : texts.get("reports.handoffRate", handoffs.count(), total, percent(handoffs.rate())));
        List<Map.Entry<String, Integer>> reasons = handoffs.byReason().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        List<String> names =
                reasons.stream().map(reason -> reasonName(reason.getKey())).toList();
        handoffReasons.set(new Plot(
                names,
                reasons.isEmpty()
                        ? List.of()
                        : List.of(new Plot.Series(
                                texts.get("reports.handoffs"),
                                reasons.stream()
                                        .map(reason -> (double) reason.getValue())
                                        .toList(),
                                reasons.stream()
                                        .map(reason -> reasonName(reason.getKey()) + ": " + reason.getValue())
                                        .toList()))));
    }

    private void showStaff(Report.StaffTimes staff) {
        firstResponse.set(duration(staff.medianFirstResponseSeconds()));
        firstResponseText.set(
                staff.answered() == 0
                        ? texts.get("reports.noneAnswered")
                        : texts.get("reports.firstReplyOver", staff.answered()));
        resolution.set(duration(staff.medianResolutionSeconds()));
        resolutionText.set(
                staff.resolved() == 0
                        ? texts.get("reports.noneResolved")
                        : texts.get("reports.resolvedOver", staff.resolved()));
    }

    private void showSatisfaction(Report.Satisfaction satisfaction) {
        scoreShare.set(satisfaction.score());
        score.set(satisfaction.score() == null ? "—" : percent(satisfaction.score()));
        ratingsText.set(
                satisfaction.up() + satisfaction.down() == 0
                        ? texts.get("reports.noRatings")
                        : texts.get("reports.thumbs", satisfaction.up(), satisfaction.down()));
    }

    private void showDays(Report fresh) {
        List<String> days = dayNames(fresh);
        List<Double> occupied = new ArrayList<>();
        List<String> occupiedNotes = new ArrayList<>();
        List<Double> seated = new ArrayList<>();
        List<String> seatedNotes = new ArrayList<>();
        List<Double> appointments = new ArrayList<>();
        List<String> appointmentNotes = new ArrayList<>();
        for (int i = 0; i < fresh.days().size(); i++) {
            Report.Day day = fresh.days().get(i);
            double share = day.roomsTotal() == 0 ? 0 : 100.0 * day.roomsOccupied() / day.roomsTotal();
            occupied.add(share);
            occupiedNotes.add(texts.get(
                    "reports.note.rooms", days.get(i), day.roomsOccupied(), day.roomsTotal(), Math.round(share)));
            seated.add((double) day.covers());
            seatedNotes.add(texts.get("reports.note.covers", days.get(i), day.covers()));
            appointments.add((double) day.appointments());
            appointmentNotes.add(texts.get("reports.note.appointments", days.get(i), day.appointments()));
        }
        occupancy.set(
                new Plot(days, List.of(new Plot.Series(texts.get("reports.roomsOccupied"), occupied, occupiedNotes))));
        covers.set(new Plot(
                days,
                List.of(
                        new Plot.Series(texts.get("reports.covers"), seated, seatedNotes),
                        new Plot.Series(texts.get("reports.appointments"), appointments, appointmentNotes))));
    }

    /** "2 min 30 s", "45 s", "1 h 5 min", "2 d 3 h"; "—" for none. */
    static String duration(@Nullable Long seconds) {
        if (seconds == null) {
            return "—";
        }
        long s = Math.max(0, seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3_600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        if (s < 86_400) {
            long minutes = s % 3_600 / 60;
            return s / 3_600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
        }
        long hours = s % 86_400 / 3_600;
        return s / 86_400 + " d" + (hours == 0 ? "" : " " + hours + " h");
    }

    /** "67 %" for 2/3. */
    static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    /** "Frustration" for {@code frustration}, "Frustración" in Spanish. */
    private String reasonName(String reason) {
        return sentence(texts.word("reports.reason", reason));
    }

    /** "Book service" for {@code book_service}. */
    static String sentence(String apiName) {
        String words = Formats.words(apiName);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Opens the knowledge screen with a new entry asking this question. */
    public void addToKnowledge(Unanswered question) {
        addToKnowledge.accept(question.question());
    }

    /**
     * Saves the report of the days shown as a spreadsheet ({@code reports.xlsx}, the period in its name) where the
     * person chooses; the download runs off the FX thread.
     */
    public void exportSpreadsheet() {
        Report shown = report.get();
        if (shown == null || export.runningProperty().get()) {
            return;
        }
        saveTarget
                .choose("concierge-report-" + shown.from() + "-to-" + shown.to() + ".xlsx")
                .ifPresent(file -> export.start(ReportsApi.spreadsheet(shown.from(), shown.to()), file));
    }

    public dev.concierge.console.Texts texts() {
        return texts;
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    /** The first day of a custom period; the period's first day otherwise. A change makes the period custom. */
    public ObjectProperty<@Nullable LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<@Nullable LocalDate> toProperty() {
        return to;
    }

    public ReadOnlyObjectProperty<@Nullable Report> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** "Wed 4 Mar 2026 – Tue 10 Mar 2026" */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** Conversations begun per day, a series per channel. */
    public ReadOnlyObjectProperty<Plot> conversationsProperty() {
        return conversations.getReadOnlyProperty();
    }

    /** "3 conversations: 2 on the website, 1 on the kiosk · in en 2, es 1", or that there were none. */
    public ReadOnlyStringProperty conversationsTextProperty() {
        return conversationsText.getReadOnlyProperty();
    }

    /** Per task (most begun first): completed and abandoned, the notes saying where guests left. */
    public ReadOnlyObjectProperty<Plot> tasksProperty() {
        return tasks.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Plot> handoffReasonsProperty() {
        return handoffReasons.getReadOnlyProperty();
    }

    /** "2 of 3 conversations handed to staff (67 %)" */
    public ReadOnlyStringProperty handoffTextProperty() {
        return handoffText.getReadOnlyProperty();
    }

    /** The median first staff reply after a handoff, "2 min 30 s". */
    public ReadOnlyStringProperty firstResponseProperty() {
        return firstResponse.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty firstResponseTextProperty() {
        return firstResponseText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resolutionProperty() {
        return resolution.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resolutionTextProperty() {
        return resolutionText.getReadOnlyProperty();
    }

    /** The share of thumbs up among the ratings, "67 %"; "—" with none. */
    public ReadOnlyStringProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable Double> scoreShareProperty() {
        return scoreShare.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ratingsTextProperty() {
        return ratingsText.getReadOnlyProperty();
    }

    /** Rooms occupied each night, as a share of all rooms. */
    public ReadOnlyObjectProperty<Plot> occupancyProperty() {
        return occupancy.getReadOnlyProperty();
    }

    /** Covers (guests at tables) and appointments per day. */
    public ReadOnlyObjectProperty<Plot> coversProperty() {
        return covers.getReadOnlyProperty();
    }

    public ObservableList<TopQuestion> topQuestions() {
        return topQuestions;
    }

    public ObservableList<Unanswered> unanswered() {
        return unanswered;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String getProblem() {
        return problem.get();
    }

    /** The export of the spreadsheet: its progress, where it was saved, or why not. */
    public FileExport export() {
        return export;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
