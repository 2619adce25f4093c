package dev.concierge.assistant.local;

import dev.concierge.assistant.local.Message.Count;
import dev.concierge.assistant.local.Token.Kind;
import java.time.LocalTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The first time of day a message says. An hour without am/pm is completed by the day part said right after it ("at 8
 * in the evening", "a las 7 de la tarde"), else by one said anywhere in the message ("tomorrow evening at 8", "dinner
 * at 8"), else by the hotel rule of {@link DayPart#unqualified}. A day part alone ("this afternoon") gives no time.
 */
final class TimeReader {
    /** Words after which a number is an hour: "at 8", "around 9", "by 10", "a las 8", "sobre las 9", "a la una". */
    private static final Set<String> BEFORE_HOUR = Set.of("at", "around", "about", "approximately", "by", "las");

    private static final Set<String> PAST = Set.of("past", "after");
    private static final Set<String> TO = Set.of("to", "before");
    private static final Set<String> MINUTES = Set.of("minutes", "minute", "mins", "minutos");
    /** Words that tie a day part to the hour before it: "in the evening", "de la tarde", "esta noche". */
    private static final Set<String> JOINERS =
            Set.of("in", "the", "this", "at", "de", "la", "por", "del", "esta", "en");
    /** After a number these make it a count of something, not an hour: "about 4 people", "a las 2 personas". */
    private static final Set<String> NOT_AN_HOUR = CommonWords.setOf("""
            people persons person guests guest adults kids children of personas persona adultos ninos huespedes
            comensales nights night noches days day dias weeks semanas hours minutes minutos rooms habitaciones
            euros eur years anos x
            """);
    /** Before an untriggered "8 in the evening", these make the number a party: "for 8 in the evening". */
    private static final Set<String> BEFORE_PARTY = Set.of("for", "para", "somos", "are", "be", "seremos");

    private final Message message;

    TimeReader(Message message) {
        this.message = message;
    }

    @Nullable
    LocalTime read() {
        DayPart context = null;
        for (int i = 0; i < message.size() && context == null; i++) {
            context = dayPart(i);
        }
        for (int i = 0; i < message.size(); i++) {
            LocalTime time = timeAt(i, context);
            if (time != null) {
                return time;
            }
        }
        return null;
    }

    private @Nullable LocalTime timeAt(int i, @Nullable DayPart context) {
        Token token = message.token(i);
        if (token.is(Kind.TIME)) {
            return LocalTime.of(token.value() / 60, token.value() % 60);
        }
        if (token.is(Kind.CLOCK)) {
            DayPart part = attached(i + 1);
            return DayPart.resolve(token.value() / 60, token.value() % 60, part != null ? part : context);
        }
        String word = message.word(i);
        switch (word) {
            case "noon", "midday" -> {
                Count twelve = message.countAt(i - 1, false);
                if (twelve != null && twelve.value() == 12) {
                    message.use(i - 1, i);
                }
                return LocalTime.NOON;
            }
            case "mediodia" -> {
                if (!message.isWordIn(i - 1, Set.of("del", "de"))) {
                    return LocalTime.NOON;
                }
            }
            case "midnight", "medianoche" -> {
                return LocalTime.MIDNIGHT;
            }
            case "half", "quarter" -> {
                if (message.isWordIn(i + 1, PAST) || message.isWordIn(i + 1, TO)) {
                    return hour(i, context);
                }
            }
            default -> {
                if (BEFORE_HOUR.contains(word) || (word.equals("la") && message.isWord(i + 1, "una"))) {
                    LocalTime time = hour(i + 1, context);
                    if (time != null) {
                        return time;
                    }
                }
            }
        }
        if (word.equals("a") && message.isWord(i + 1, "quarter")) {
            return hour(i, context);
        }
        Count count = message.countAt(i, false);
        if (count != null && count.value() >= 1 && count.value() <= 24) {
            int next = count.next();
            boolean dayPartAfter =
                    message.isWordIn(next, JOINERS) && attached(next) != null && !message.isWordIn(i - 1, BEFORE_PARTY);
            if (isOclock(next) || dayPartAfter) {
                return hour(i, context);
            }
        }
        return null;
    }

    private boolean isOclock(int i) {
        return message.isWordIn(i, Set.of("o'clock", "oclock"))
                || (message.isWord(i, "o") && message.isWord(i + 1, "clock"))
                || (message.isWord(i, "en") && message.isWord(i + 1, "punto"));
    }

    /**
     * The time said from token {@code at}: "8", "eight o'clock", "half past seven", "quarter to eight", "ten past
     * eight", "half seven", "seven thirty", "siete y media", "ocho menos cuarto", "la una", each with an optional day
     * part after it. Minutes move from the hour as completed: "quarter to eight" in the evening is 19:45.
     */
    private @Nullable LocalTime hour(int at, @Nullable DayPart context) {
        int k = message.isWord(at, "a") && message.isWord(at + 1, "quarter") ? at + 1 : at;
        int minute = 0;
        String word = message.word(k);
        if (word.equals("half") && message.isWordIn(k + 1, PAST)) {
            minute = 30;
            k += 2;
        } else if (word.equals("quarter") && message.isWordIn(k + 1, PAST)) {
            minute = 15;
            k += 2;
        } else if (word.equals("quarter") && message.isWordIn(k + 1, TO)) {
            minute = -15;
            k += 2;
        } else if (word.equals("half") && isHour(message.countAt(k + 1, false))) {
            minute = 30; // "half seven", as the British say it
            k += 1;
        } else {
            Count minutes = message.countAt(k, false);
            if (minutes != null && minutes.value() >= 1 && minutes.value() <= 59) {
                int n = message.isWordIn(minutes.next(), MINUTES) ? minutes.next() + 1 : minutes.next();
                if (message.isWordIn(n, PAST) && isHour(message.countAt(n + 1, false))) {
                    minute = minutes.value();
                    k = n + 1;
                } else if (message.isWordIn(n, TO) && isHour(message.countAt(n + 1, false))) {
                    minute = -minutes.value();
                    k = n + 1;
                }
            }
        }
        Count hour = message.countAt(k, false);
        if (hour == null && message.isWord(k, "una") && message.isWord(k - 1, "la")) {
            hour = new Count(1, k + 1);
        }
        if (hour == null || hour.value() > 24) {
            return null;
        }
        int next = hour.next();
        if (minute == 0) {
            int[] after = minutesAfter(next);
            minute = after[0];
            next = after[1];
        }
        if (isOclock(next)) {
            next += message.isWord(next, "o") || message.isWord(next, "en") ? 2 : 1;
        } else if (message.isWordIn(next, Set.of("horas", "hrs", "hours"))) {
            next += 1; // "a las 20 horas"
        }
        if (message.isWordIn(next, NOT_AN_HOUR)) {
            return null;
        }
        DayPart part = attached(next);
        message.use(at, next);
        return DayPart.resolve(hour.value() % 24, 0, part != null ? part : context)
                .plusMinutes(minute);
    }

    private static boolean isHour(@Nullable Count count) {
        return count != null && count.value() >= 1 && count.value() <= 12;
    }

    /**
     * Minutes said after the hour at {@code i}: "seven thirty", "y media", "y cuarto", "y diez", "menos cuarto",
     * "menos diez". Returns {minutes (negative for "menos"), the token after them}.
     */
    private int[] minutesAfter(int i) {
        boolean plus = message.isWord(i, "y");
        boolean minus = message.isWord(i, "menos");
        if (plus && message.isWord(i + 1, "media")) {
            return new int[] {30, i + 2};
        }
        if ((plus || minus) && message.isWord(i + 1, "cuarto")) {
            return new int[] {plus ? 15 : -15, i + 2};
        }
        int from = plus || minus ? i + 1 : i;
        Count minutes = message.countAt(from, false);
        int least = plus || minus ? 1 : 10; // "seven thirty", but "at 8 2 people" is no 8:02
        if (minutes == null
                || minutes.value() < least
                || minutes.value() > 59
                || message.isWordIn(minutes.next(), NOT_AN_HOUR)) {
            return new int[] {0, i};
        }
        message.use(from, minutes.next());
        int next = message.isWordIn(minutes.next(), MINUTES) ? minutes.next() + 1 : minutes.next();
        return new int[] {minus ? -minutes.value() : minutes.value(), next};
    }

    /** The day part said right after an hour: "in the evening", "at night", "tonight", "de la tarde", "esta noche". */
    private @Nullable DayPart attached(int i) {
        int k = i;
        for (int skipped = 0; skipped < 3 && message.isWordIn(k, JOINERS); skipped++) {
            k++;
        }
        return dayPart(k);
    }

    /**
     * The day part a word at {@code i} speaks of, or null. Greetings ("good morning", "buenas tardes") and counts of
     * nights ("one night") speak of none; "mañana", "tarde" and "noche" are day parts only after "la" or "esta".
     */
    private @Nullable DayPart dayPart(int i) {
        String before = message.word(i - 1);
        return switch (message.word(i)) {
            case "morning" -> before.equals("good") ? null : DayPart.MORNING;
            case "afternoon" -> before.equals("good") ? null : DayPart.AFTERNOON;
            case "evening" -> before.equals("good") ? null : DayPart.EVENING;
            case "tonight" -> DayPart.EVENING;
            case "night" ->
                Set.of("good", "last", "a", "one", "per", "each").contains(before)
                                || message.countAt(i - 1, false) != null
                        ? null
                        : DayPart.NIGHT;
            case "breakfast", "brunch", "desayuno", "desayunar" -> DayPart.MORNING;
            case "dinner", "supper", "cena", "cenar" -> DayPart.EVENING;
            case "manana" -> before.equals("la") || before.equals("esta") ? DayPart.MORNING : null;
            case "tarde" -> before.equals("la") || before.equals("esta") ? DayPart.AFTERNOON : null;
            case "noche" -> before.equals("esta") ? DayPart.EVENING : before.equals("la") ? DayPart.NIGHT : null;
            case "madrugada" -> DayPart.NIGHT;
            case "mediodia" -> before.equals("del") ? DayPart.AFTERNOON : null;
            default -> null;
        };
    }
}
