package dev.concierge.assistant.local;

import dev.concierge.assistant.local.Message.Count;
import dev.concierge.assistant.local.Token.Kind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The dates of one message, resolved against the venue's today: the first one said is the date, a second one joined
 * to it by "to", "until", "al", "hasta"… is the check-out, and "3 nights" gives the check-out from the date. Relative
 * words never mean a past day; a day and month without a year that has passed this year means next year, and a day
 * of the month alone ("the 5th") that has passed this month means next month.
 */
final class DateReader {
    private static final Set<String> NIGHTS = Set.of("night", "nights", "noche", "noches");
    private static final Set<String> DAYS = Set.of("day", "days", "dia", "dias");
    private static final Set<String> WEEKS = Set.of("week", "weeks", "semana", "semanas");
    private static final Set<String> NEXT = Set.of("next", "proximo", "proxima");
    private static final Set<String> THIS = Set.of("this", "esta", "este");
    /** Words between two dates that make them a stay: "from Friday to Sunday", "del 3 al 5". */
    private static final Set<String> RANGE = CommonWords.setOf("""
            to until till through thru al a hasta check-out checkout check out leave leaving depart departing
            departure salida salimos salir
            """);
    /** Range words that only join (a range needs one more than these): "Friday, the 14th" is no stay. */
    private static final Set<String> GLUE = Set.of("the", "el", "on", ",", "and", "y", "we", "i");
    /** Words that join two days of one month: "3 to 5 March", "del 3 al 5 de marzo". */
    private static final Set<String> DAY_RANGE = Set.of("to", "until", "till", "through", "al", "a", "hasta");
    /** After a number these make it a count of something else, not a day of the month: "mar 2 noches". */
    private static final Set<String> NOT_A_DAY = CommonWords.setOf("""
            night nights noche noches people persons personas guests adults adultos of days dias hours horas pm
            am
            """);

    /** Days of the month said as English ordinals, "the first of April", and Spanish "el primero de abril". */
    private static final Map<String, Integer> ORDINAL_DAYS = ordinalDays();

    private final Message message;
    private final LocalDate today;
    private final List<Found> found = new ArrayList<>();

    DateReader(Message message, LocalDate today) {
        this.message = message;
        this.today = today;
    }

    private static Map<String, Integer> ordinalDays() {
        List<String> units = CommonWords.listOf("""
                first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
                fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
                """);
        Map<String, Integer> days = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            days.put(units.get(i), i + 1);
        }
        days.put("twentieth", 20);
        for (int i = 0; i < 9; i++) {
            days.put("twenty-" + units.get(i), 21 + i);
        }
        days.put("thirtieth", 30);
        days.put("thirty-first", 31);
        days.put("primero", 1);
        return Map.copyOf(days);
    }

    /** The dates of a message: all absent when it names none. */
    record Dates(
            @Nullable LocalDate date,
            @Nullable LocalDate checkOut,
            @Nullable Integer nights) {}

    /** How the end of a range moves forward when it is not after its start: "Friday to Monday", "30/12 to 2/1". */
    private enum Roll {
        NONE,
        WEEK,
        YEAR
    }

    /** A date said over tokens {@code [from, to)}. */
    private record Found(LocalDate date, int from, int to, Roll roll) {}

    Dates read() {
        Integer nights = nights();
        for (int i = 0; i < message.size(); i++) {
            Month month = CalendarWords.month(message.word(i));
            if (month != null) {
                dayAndMonth(i, month);
            }
        }
        for (int i = 0; i < message.size(); i++) {
            other(i);
        }
        if (found.isEmpty()) {
            return new Dates(null, null, nights);
        }
        found.sort(Comparator.comparingInt(Found::from));
        Found first = found.get(0);
        LocalDate checkOut = null;
        if (found.size() > 1 && joined(first, found.get(1))) {
            checkOut = after(found.get(1), first.date());
        }
        if (checkOut != null) {
            // the two dates said win over a count of nights that disagrees; the dialogue reads the stay back
            return new Dates(first.date(), checkOut, (int) ChronoUnit.DAYS.between(first.date(), checkOut));
        }
        return new Dates(
                first.date(), nights != null && nights > 0 ? first.date().plusDays(nights) : null, nights);
    }

    /** "3 nights", "for three nights", "una noche", "a couple of nights". */
    private @Nullable Integer nights() {
        for (int i = 0; i < message.size(); i++) {
            Count count = message.countAt(i, true);
            if (count != null && message.isWordIn(count.next(), NIGHTS) && count.value() > 0) {
                message.use(i, count.next() + 1);
                return count.value();
            }
        }
        return null;
    }

    /** "14 March", "14th of March", "el 14 de marzo", "March 14", "March 14th, 2027", "del 3 al 5 de marzo". */
    private void dayAndMonth(int at, Month month) {
        int end = message.isWordIn(at - 1, Set.of("of", "de")) ? at - 1 : at;
        int dayStart = dayEndingAt(end);
        if (dayStart >= 0) {
            Count day = day(dayStart);
            if (day == null) {
                return;
            }
            int next = at + 1;
            int year = 0;
            int yearAt = message.isWord(next, "de") || message.isPunct(next) ? next + 1 : next;
            if (isYear(yearAt)) {
                year = message.token(yearAt).value();
                next = yearAt + 1;
            }
            LocalDate date = date(year, month, day.value());
            if (date == null) {
                return;
            }
            message.use(dayStart, next);
            found.add(new Found(date, dayStart, next, year == 0 ? Roll.YEAR : Roll.NONE));
            startOfDayRange(dayStart, month, year);
            return;
        }
        int dayAt = message.isWord(at + 1, "the") ? at + 2 : at + 1;
        Count day = day(dayAt);
        if (day == null || day.value() < 1 || day.value() > 31 || message.isWordIn(day.next(), NOT_A_DAY)) {
            return;
        }
        int next = day.next();
        int year = 0;
        int yearAt = message.isPunct(next) ? next + 1 : next;
        if (isYear(yearAt)) {
            year = message.token(yearAt).value();
            next = yearAt + 1;
        }
        LocalDate date = date(year, month, day.value());
        if (date == null) {
            return;
        }
        message.use(at, next);
        found.add(new Found(date, at, next, year == 0 ? Roll.YEAR : Roll.NONE));
        endOfDayRange(next, month, year);
    }

    /** The start of a day number (1–31) that ends right before {@code end}, or -1; "treinta y uno" is one number. */
    private int dayEndingAt(int end) {
        for (int start = Math.max(0, end - 4); start < end; start++) {
            Count count = day(start);
            if (count != null && count.next() == end && count.value() >= 1 && count.value() <= 31) {
                return start;
            }
        }
        return -1;
    }

    /** "del 3 al 5 de marzo", "from the 3rd to the 5th of March": the first day, before the one just read. */
    private void startOfDayRange(int dayStart, Month month, int year) {
        int join = message.isWordIn(dayStart - 1, Set.of("the", "el")) ? dayStart - 1 : dayStart;
        if (!message.isWordIn(join - 1, DAY_RANGE) && !isDash(join - 1)) {
            return;
        }
        int firstDay = dayEndingAt(join - 1);
        if (firstDay < 0) {
            return;
        }
        Count day = day(firstDay);
        LocalDate date = day == null ? null : date(year, month, day.value());
        if (date != null) {
            message.use(firstDay, join - 1);
            found.add(new Found(date, firstDay, join - 1, year == 0 ? Roll.YEAR : Roll.NONE));
        }
    }

    /** "March 3 to 5", "March 3-5": the last day, after the one just read. */
    private void endOfDayRange(int next, Month month, int year) {
        if (!message.isWordIn(next, DAY_RANGE) && !isDash(next)) {
            return;
        }
        int dayAt = message.isWordIn(next + 1, Set.of("the", "el")) ? next + 2 : next + 1;
        Count day = day(dayAt);
        if (day == null
                || CalendarWords.month(message.word(day.next())) != null
                || message.isWordIn(day.next(), NOT_A_DAY)) {
            return;
        }
        LocalDate date = date(year, month, day.value());
        if (date != null) {
            message.use(dayAt, day.next());
            found.add(new Found(date, dayAt, day.next(), year == 0 ? Roll.YEAR : Roll.NONE));
        }
    }

    /** A day of the month at {@code i}: a number, or an ordinal word. */
    private @Nullable Count day(int i) {
        Count count = message.countAt(i, false);
        if (count != null || i < 0 || i >= message.size() || message.used(i)) {
            return count;
        }
        Integer ordinal = ORDINAL_DAYS.get(message.word(i));
        return ordinal == null ? null : new Count(ordinal, i + 1);
    }

    private boolean isDash(int i) {
        return message.isPunct(i) && message.token(i).text().equals("-");
    }

    private boolean isYear(int i) {
        if (i >= message.size() || message.used(i)) {
            return false;
        }
        Token token = message.token(i);
        return token.is(Kind.NUMBER) && token.text().length() == 4 && token.value() >= 2000 && token.value() <= 2100;
    }

    /** Every other way of saying a day, at token {@code i}. */
    private void other(int i) {
        Token token = message.token(i);
        if (token.is(Kind.DATE)) {
            int value = token.value();
            LocalDate date = date(value / 10000, Month.of(value / 100 % 100), value % 100);
            if (date != null) {
                found.add(new Found(date, i, i + 1, value / 10000 == 0 ? Roll.YEAR : Roll.NONE));
            }
            return;
        }
        if (token.is(Kind.ORDINAL) && !message.used(i) && message.isWordIn(i - 1, Set.of("the", "on"))) {
            dayOfMonth(i, i - 1, null); // "the 14th", "on 14th"; not "my 2nd coffee"
            return;
        }
        String word = message.word(i);
        switch (word) {
            case "today", "hoy", "tonight" -> found.add(new Found(today, i, i + 1, Roll.NONE));
            case "tomorrow" -> {
                boolean dayAfter = message.isWord(i - 1, "after") && message.isWord(i - 2, "day");
                int from = dayAfter ? (message.isWord(i - 3, "the") ? i - 3 : i - 2) : i;
                found.add(new Found(today.plusDays(dayAfter ? 2 : 1), from, i + 1, Roll.NONE));
            }
            case "manana" -> tomorrowInSpanish(i);
            case "morning", "afternoon", "evening", "tarde", "noche" -> {
                // "this morning", "esta tarde", "esta noche": today ("esta mañana" is read with mañana)
                if (message.isWordIn(i - 1, THIS)) {
                    found.add(new Found(today, i - 1, i + 1, Roll.NONE));
                }
            }
            case "in", "en", "dentro" -> inDays(i);
            case "dia" -> {
                if (message.isWord(i - 1, "el")) {
                    dayOfMonth(i + 1, i - 1, null);
                }
            }
            case "el" -> {
                if (message.isWord(i - 1, "para")
                        && i + 1 < message.size()
                        && message.token(i + 1).is(Kind.NUMBER)) {
                    dayOfMonth(i + 1, i, null);
                }
            }
            default -> {
                DayOfWeek weekday = CalendarWords.weekday(word);
                if (weekday != null) {
                    weekday(i, weekday);
                }
            }
        }
    }

    /** "mañana" is tomorrow and "pasado mañana" the day after; "esta mañana" is today, "por la mañana" a day part. */
    private void tomorrowInSpanish(int i) {
        if (message.isWord(i - 1, "pasado")) {
            found.add(new Found(today.plusDays(2), i - 1, i + 1, Roll.NONE));
        } else if (message.isWord(i - 1, "esta")) {
            found.add(new Found(today, i - 1, i + 1, Roll.NONE));
        } else if (!message.isWord(i - 1, "la")) {
            found.add(new Found(today.plusDays(1), i, i + 1, Roll.NONE));
        }
    }

    /**
     * "this Saturday", "on Monday", "el viernes": the coming one, today included. "next Friday", "el próximo viernes",
     * "el viernes que viene": the first one strictly after today. (Said on a Tuesday, "next Friday" is three days
     * away, not ten; the dialogue reads the date back, so a guest who meant the later one corrects it.)
     */
    private void weekday(int i, DayOfWeek weekday) {
        boolean next = message.isWordIn(i - 1, NEXT)
                || message.isWordIn(i + 1, NEXT)
                || (message.isWord(i + 1, "que") && message.isWord(i + 2, "viene"));
        LocalDate date =
                next ? today.with(TemporalAdjusters.next(weekday)) : today.with(TemporalAdjusters.nextOrSame(weekday));
        int from = message.isWordIn(i - 1, NEXT) || message.isWordIn(i - 1, THIS) ? i - 1 : i;
        boolean comma = message.isPunct(i + 1) && message.token(i + 1).text().equals(",");
        int after = message.isWord(i + 1, "the") || comma ? i + 2 : i + 1;
        if (found.stream().anyMatch(f -> f.from() == after)) {
            return; // "Saturday, 14 March": the date that follows says which Saturday
        }
        if (dayOfMonth(after, from, weekday)) {
            return; // "el sábado 14", "Saturday the 14th"; but in "Friday 8" the 8 is no day, the 8th is no Friday
        }
        found.add(new Found(date, from, i + 1, Roll.WEEK));
    }

    /** "in two days", "in 3 days", "en 3 días", "dentro de dos días", "in a week". */
    private void inDays(int i) {
        int at = message.isWord(i, "dentro") && message.isWord(i + 1, "de") ? i + 2 : i + 1;
        Count count = message.countAt(at, true);
        if (count == null || count.value() < 0 || count.value() > 366) {
            return;
        }
        String unit = message.word(count.next());
        int days = DAYS.contains(unit) ? count.value() : WEEKS.contains(unit) ? 7 * count.value() : -1;
        if (days >= 0) {
            message.use(at, count.next() + 1);
            found.add(new Found(today.plusDays(days), i, count.next() + 1, Roll.NONE));
        }
    }

    /**
     * "the 14th", "el día 14", "para el 14": that day of this month, or of next month when it has passed; with a
     * {@code weekday}, only when that day is one.
     */
    private boolean dayOfMonth(int at, int from, @Nullable DayOfWeek weekday) {
        Count day = message.countAt(at, false);
        if (day == null
                || day.value() < 1
                || day.value() > 31
                || CalendarWords.month(message.word(day.next())) != null
                || message.isWord(day.next(), "of")
                || message.isWord(day.next(), "de")
                || message.isWordIn(day.next(), NOT_A_DAY)) {
            return false;
        }
        YearMonth month = YearMonth.from(today);
        if (day.value() < today.getDayOfMonth()) {
            month = month.plusMonths(1);
        }
        if (day.value() <= month.lengthOfMonth()
                && (weekday == null || month.atDay(day.value()).getDayOfWeek() == weekday)) {
            message.use(at, day.next());
            found.add(new Found(month.atDay(day.value()), from, day.next(), Roll.NONE));
            return true;
        }
        return false;
    }

    /** A day that exists: with the year said as said; without it this year's, or next year's when it has passed. */
    private @Nullable LocalDate date(int year, Month month, int day) {
        if (day < 1) {
            return null;
        }
        if (year != 0) {
            return day <= YearMonth.of(year, month).lengthOfMonth() ? LocalDate.of(year, month, day) : null;
        }
        for (int y = today.getYear(); y <= today.getYear() + 4; y++) {
            if (day <= YearMonth.of(y, month).lengthOfMonth()) {
                LocalDate date = LocalDate.of(y, month, day);
                if (!date.isBefore(today)) {
                    return date;
                }
            }
        }
        return null;
    }

    /** Whether only range words stand between two dates, so that the second is the check-out. */
    private boolean joined(Found first, Found second) {
        if (second.from() <= first.to()) {
            return false;
        }
        boolean range = false;
        for (int i = first.to(); i < second.from(); i++) {
            String between = message.token(i).text();
            if (!GLUE.contains(between) && !message.isWordIn(i, RANGE) && !isDash(i)) {
                return false;
            }
            range |= !GLUE.contains(between);
        }
        return range;
    }

    /** The end of a range moved forward past its start: the next such weekday, or the next year. */
    private @Nullable LocalDate after(Found end, LocalDate start) {
        LocalDate date = end.date();
        while (!date.isAfter(start)) {
            switch (end.roll()) {
                case WEEK -> date = date.plusWeeks(1);
                case YEAR -> date = date.plusYears(1);
                case NONE -> {
                    return null;
                }
            }
        }
        return date;
    }
}
