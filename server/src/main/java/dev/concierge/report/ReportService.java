package dev.concierge.report;

import static dev.concierge.jooq.Tables.BOOKING;
import static dev.concierge.jooq.Tables.CONVERSATION;
import static dev.concierge.jooq.Tables.MESSAGE;
import static dev.concierge.jooq.Tables.TASK_OUTCOME;

import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.Report;
import dev.concierge.booking.BookingService;
import dev.concierge.venue.VenueFile;
import dev.concierge.venue.VenueService;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * The managers' view of what guests' conversations came to over a period of venue-local days. A conversation belongs
 * to the period in which it started; a form counts as left when the guest moved on, said no, was handed to staff, or
 * went quiet for a day in the middle of it.
 */
public final class ReportService {
    /** The longest period one report covers. */
    static final int MAX_DAYS = 366;

    static final int DEFAULT_DAYS = 30;
    static final int TOP_QUESTIONS = 10;
    static final int UNANSWERED_SHOWN = 20;
    private static final Duration IDLE = Duration.ofHours(24);

    private final DSLContext dsl;
    private final VenueService venues;
    private final Clock clock;

    public ReportService(DSLContext dsl, VenueService venues, Clock clock) {
        this.dsl = dsl;
        this.venues = venues;
        this.clock = clock;
    }

    /** The report from {@code from} to {@code to}, inclusive; the last 30 days up to today when not given. */
    public Report report(@Nullable LocalDate from, @Nullable LocalDate to) {
        VenueFile venue = venues.venue();
        ZoneId zone = venue.venue().timezone();
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(zone));
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw InvalidFieldsException.of("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw InvalidFieldsException.of("to", "a report covers at most " + MAX_DAYS + " days");
        }
        OffsetDateTime start = first.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Condition started = CONVERSATION.CREATED_AT.ge(start).and(CONVERSATION.CREATED_AT.lt(end));

        int total = dsl.fetchCount(CONVERSATION, started);
        Map<String, Integer> byChannel = countBy(CONVERSATION.CHANNEL, started);
        Map<String, Integer> byLanguage = countBy(DSL.coalesce(CONVERSATION.LANGUAGE, DSL.inline("unknown")), started);
        Map<String, Integer> handoffReasons =
                countBy(CONVERSATION.HANDOFF_REASON, started.and(CONVERSATION.HANDOFF_REASON.isNotNull()));
        int handoffs =
                handoffReasons.values().stream().mapToInt(Integer::intValue).sum();
        return new Report(
                first,
                last,
                new Report.Conversations(total, byChannel, byLanguage),
                tasks(started),
                new Report.Handoffs(handoffs, total == 0 ? 0 : (double) handoffs / total, handoffReasons),
                staffTimes(started),
                satisfaction(started),
                topQuestions(venue, started),
                unanswered(started),
                days(venue, first, last, started));
    }

    /** The period day by day; every figure read with one query each and placed on its venue-local day. */
    private List<Report.Day> days(VenueFile venue, LocalDate first, LocalDate last, Condition started) {
        ZoneId zone = venue.venue().timezone();
        Map<LocalDate, Map<String, Integer>> channels = new TreeMap<>();
        Map<LocalDate, Integer> handoffs = new TreeMap<>();
        dsl.select(CONVERSATION.CREATED_AT, CONVERSATION.CHANNEL, CONVERSATION.HANDOFF_REASON)
                .from(CONVERSATION)
                .where(started)
                .forEach(r -> {
                    LocalDate day = r.value1().atZoneSameInstant(zone).toLocalDate();
                    channels.computeIfAbsent(day, d -> new TreeMap<>()).merge(r.value2(), 1, Integer::sum);
                    if (r.value3() != null) {
                        handoffs.merge(day, 1, Integer::sum);
                    }
                });
        OffsetDateTime start = first.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Map<LocalDate, Integer> nights = new TreeMap<>();
        Map<LocalDate, Integer> covers = new TreeMap<>();
        Map<LocalDate, Integer> appointments = new TreeMap<>();
        java.util.Set<String> seated = new java.util.HashSet<>();
        for (VenueFile.Service service : venue.services()) {
            if (service.capacity() instanceof VenueFile.Covers) {
                seated.add(service.id());
            }
        }
        dsl.select(BOOKING.KIND, BOOKING.SERVICE_ID, BOOKING.START_AT, BOOKING.END_AT, BOOKING.PARTY_SIZE)
                .from(BOOKING)
                .where(BOOKING.STATUS.in(BookingService.HOLDING))
                .and(BOOKING.START_AT.lt(end))
                .and(BOOKING.END_AT.gt(start))
                .forEach(r -> {
                    LocalDate from = r.value3().atZoneSameInstant(zone).toLocalDate();
                    if (r.value1().equals("room")) {
                        // a stay's nights are the dates from arrival up to (not including) departure
                        LocalDate until = r.value4().atZoneSameInstant(zone).toLocalDate();
                        for (LocalDate night = from; night.isBefore(until); night = night.plusDays(1)) {
                            nights.merge(night, 1, Integer::sum);
                        }
                    } else if (seated.contains(r.value2())) {
                        covers.merge(from, r.value5(), Integer::sum);
                    } else {
                        appointments.merge(from, 1, Integer::sum);
                    }
                });
        int rooms = venue.rooms().stream().mapToInt(VenueFile.RoomType::count).sum();
        List<Report.Day> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(new Report.Day(
                    day,
                    channels.getOrDefault(day, Map.of()),
                    handoffs.getOrDefault(day, 0),
                    nights.getOrDefault(day, 0),
                    rooms,
                    covers.getOrDefault(day, 0),
                    appointments.getOrDefault(day, 0)));
        }
        return days;
    }

    private Map<String, Integer> countBy(Field<String> field, Condition where) {
        Map<String, Integer> counts = new TreeMap<>();
        dsl.select(field, DSL.count())
                .from(CONVERSATION)
                .where(where)
                .groupBy(field)
                .forEach(r -> counts.put(r.value1(), r.value2()));
        return counts;
    }

    private List<Report.TaskOutcomes> tasks(Condition started) {
        Map<String, int[]> totals = new TreeMap<>();
        Map<String, Map<String, Integer>> stops = new TreeMap<>();
        dsl.select(TASK_OUTCOME.TASK, TASK_OUTCOME.OUTCOME, TASK_OUTCOME.STOPPED_AT, DSL.count())
                .from(TASK_OUTCOME)
                .join(CONVERSATION)
                .on(CONVERSATION.ID.eq(TASK_OUTCOME.CONVERSATION_ID))
                .where(started)
                .groupBy(TASK_OUTCOME.TASK, TASK_OUTCOME.OUTCOME, TASK_OUTCOME.STOPPED_AT)
                .forEach(r -> count(totals, stops, r.value1(), "completed".equals(r.value2()), r.value3(), r.value4()));
        // a form still open in a conversation quiet for a day (or closed) was left where it was asking
        OffsetDateTime quietSince =
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(IDLE);
        dsl.select(CONVERSATION.TASK, CONVERSATION.ASKING, DSL.count())
                .from(CONVERSATION)
                .where(started)
                .and(CONVERSATION.TASK.isNotNull())
                .and(CONVERSATION.STATUS.eq("closed").or(CONVERSATION.LAST_MESSAGE_AT.lt(quietSince)))
                .groupBy(CONVERSATION.TASK, CONVERSATION.ASKING)
                .forEach(r -> count(totals, stops, r.value1(), false, r.value2(), r.value3()));
        List<Report.TaskOutcomes> outcomes = new ArrayList<>();
        totals.forEach((task, c) ->
                outcomes.add(new Report.TaskOutcomes(task, c[0], c[1], stops.getOrDefault(task, Map.of()))));
        return outcomes;
    }

    private static void count(
            Map<String, int[]> totals,
            Map<String, Map<String, Integer>> stops,
            String task,
            boolean completed,
            @Nullable String stoppedAt,
            int count) {
        int[] c = totals.computeIfAbsent(task, t -> new int[2]);
        if (completed) {
            c[0] += count;
            return;
        }
        c[1] += count;
        stops.computeIfAbsent(task, t -> new TreeMap<>())
                .merge(stoppedAt == null ? "unknown" : stoppedAt, count, Integer::sum);
    }

    private Report.StaffTimes staffTimes(Condition started) {
        Field<OffsetDateTime> firstReply = DSL.field(DSL.select(DSL.min(MESSAGE.CREATED_AT))
                .from(MESSAGE)
                .where(MESSAGE.CONVERSATION_ID.eq(CONVERSATION.ID))
                .and(MESSAGE.ROLE.eq("staff"))
                .and(MESSAGE.CREATED_AT.ge(CONVERSATION.HANDOFF_AT)));
        List<Long> firstResponses = new ArrayList<>();
        List<Long> resolutions = new ArrayList<>();
        dsl.select(CONVERSATION.HANDOFF_AT, firstReply, CONVERSATION.RELEASED_AT)
                .from(CONVERSATION)
                .where(started)
                .and(CONVERSATION.HANDOFF_AT.isNotNull())
                .forEach(r -> {
                    if (r.value2() != null) {
                        firstResponses.add(
                                Duration.between(r.value1(), r.value2()).toSeconds());
                    }
                    if (r.value3() != null && !r.value3().isBefore(r.value1())) {
                        resolutions.add(Duration.between(r.value1(), r.value3()).toSeconds());
                    }
                });
        return new Report.StaffTimes(
                firstResponses.size(), median(firstResponses), resolutions.size(), median(resolutions));
    }

    private static @Nullable Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private Report.Satisfaction satisfaction(Condition started) {
        Map<String, Integer> ratings = countBy(CONVERSATION.RATING, started.and(CONVERSATION.RATING.isNotNull()));
        int up = ratings.getOrDefault("up", 0);
        int down = ratings.getOrDefault("down", 0);
        return new Report.Satisfaction(up, down, up + down == 0 ? null : (double) up / (up + down));
    }

    private List<Report.AskedQuestion> topQuestions(VenueFile venue, Condition started) {
        Map<String, String> questions = new LinkedHashMap<>();
        String language = venue.venue().languages().isEmpty()
                ? "en"
                : venue.venue().languages().get(0);
        venue.knowledge().forEach(k -> questions.put(k.id(), k.question().in(language)));
        var count = DSL.count();
        return dsl.select(MESSAGE.KNOWLEDGE_ENTRY_ID, count)
                .from(MESSAGE)
                .join(CONVERSATION)
                .on(CONVERSATION.ID.eq(MESSAGE.CONVERSATION_ID))
                .where(started)
                .and(MESSAGE.KNOWLEDGE_ENTRY_ID.isNotNull())
                .groupBy(MESSAGE.KNOWLEDGE_ENTRY_ID)
                .orderBy(count.desc(), MESSAGE.KNOWLEDGE_ENTRY_ID)
                .limit(TOP_QUESTIONS)
                .fetch(r -> new Report.AskedQuestion(
                        r.value1(), questions.getOrDefault(r.value1(), "(an entry since removed)"), r.value2()));
    }

    private List<Report.UnansweredQuestion> unanswered(Condition started) {
        return dsl.select(MESSAGE.TEXT, MESSAGE.LANGUAGE, MESSAGE.CREATED_AT)
                .from(MESSAGE)
                .join(CONVERSATION)
                .on(CONVERSATION.ID.eq(MESSAGE.CONVERSATION_ID))
                .where(started)
                .and(MESSAGE.UNANSWERED.isTrue())
                .orderBy(MESSAGE.CREATED_AT.desc(), MESSAGE.ID.desc())
                .limit(UNANSWERED_SHOWN)
                .fetch(r -> new Report.UnansweredQuestion(
                        r.value1(),
                        r.value2() == null ? "" : r.value2(),
                        r.value3().toInstant()));
    }
}
