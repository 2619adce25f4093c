package dev.concierge.assistant.local;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Dates, times, party sizes, names, e-mails, phones, room numbers and references in one guest message, in English
 * or Spanish, resolved against the venue's clock. Ambiguous hours follow a hotel's day: a bare 1 to 6 is in the
 * afternoon, 7 to 11 in the morning unless the message speaks of the evening, dinner or "de la tarde/noche".
 */
public final class EntityExtractor {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("lunes", DayOfWeek.MONDAY),
            Map.entry("martes", DayOfWeek.TUESDAY), Map.entry("miercoles", DayOfWeek.WEDNESDAY),
            Map.entry("jueves", DayOfWeek.THURSDAY), Map.entry("viernes", DayOfWeek.FRIDAY),
            Map.entry("sabado", DayOfWeek.SATURDAY), Map.entry("domingo", DayOfWeek.SUNDAY));
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1),
            Map.entry("february", 2),
            Map.entry("march", 3),
            Map.entry("april", 4),
            Map.entry("may", 5),
            Map.entry("june", 6),
            Map.entry("july", 7),
            Map.entry("august", 8),
            Map.entry("september", 9),
            Map.entry("october", 10),
            Map.entry("november", 11),
            Map.entry("december", 12),
            Map.entry("enero", 1),
            Map.entry("febrero", 2),
            Map.entry("marzo", 3),
            Map.entry("abril", 4),
            Map.entry("mayo", 5),
            Map.entry("junio", 6),
            Map.entry("julio", 7),
            Map.entry("agosto", 8),
            Map.entry("septiembre", 9),
            Map.entry("octubre", 10),
            Map.entry("noviembre", 11),
            Map.entry("diciembre", 12));

    private static final String NUMBER =
            "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|una|uno|dos|tres|cuatro|cinco"
                    + "|seis|siete|ocho|nueve|diez|once|doce)";
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern SLASH_DATE = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of| de)? ([a-z]+)\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b([a-z]+) (\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern IN_DAYS = Pattern.compile("\\b(?:in|dentro de|en) " + NUMBER + " (?:days?|dias?)\\b");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(next|this|on|el|este|proximo|el proximo)?\\s*(monday|tuesday|wednesday|thursday|friday|saturday"
                    + "|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\\b");
    private static final Pattern CLOCK = Pattern.compile("\\b(\\d{1,2})[:.](\\d{2})\\s*(am|pm|a\\.m\\.|p\\.m\\.)?");
    private static final Pattern HOUR_MERIDIEM = Pattern.compile("\\b(\\d{1,2})\\s*(am|pm|a\\.m\\.|p\\.m\\.)");
    private static final Pattern HOUR_H = Pattern.compile("\\b(\\d{1,2})\\s?h\\b");
    private static final Pattern AT_HOUR = Pattern.compile("\\b(?:at|a las|a la|sobre las|around|about)\\s+" + NUMBER
            + "(?:\\s+(y media|y cuarto|menos cuarto|thirty|fifteen|o'?clock))?\\b");
    private static final Pattern HALF_PAST = Pattern.compile("\\b(half|quarter) past " + NUMBER + "\\b");
    private static final Pattern QUARTER_TO = Pattern.compile("\\bquarter to " + NUMBER + "\\b");
    private static final Pattern PARTY =
            Pattern.compile("\\b(?:for|para|table for|mesa para|party of|we are|we're|somos|seremos)\\s+" + NUMBER
                    + "(?!\\s*(?:nights?|noches?|days?|dias?|am|pm|h\\b|:|o'?clock))\\b"
                    + "|\\b" + NUMBER + "\\s+(?:people|persons|guests|adults|of us|personas|adultos|comensales)\\b");
    private static final Pattern NIGHTS = Pattern.compile("\\b" + NUMBER + "\\s+(?:nights?|noches?)\\b");
    private static final Pattern ROOM =
            Pattern.compile("\\b(?:room|habitacion|hab\\.?)\\s*(?:number|numero|no\\.?|n\\.?)?\\s*(\\d{1,5})\\b");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern REFERENCE = Pattern.compile("\\b([A-Za-z]{2}-[A-HJ-NP-Za-hj-np-z2-9]{4})\\b");
    private static final Pattern NAME =
            Pattern.compile("(?i)\\b(?:i'?m|i am|my name is|this is|name's|me llamo|mi nombre es|soy)\\s+"
                    + "(\\p{L}[\\p{L}'-]*(?:\\s+\\p{L}[\\p{L}'-]*){0,3})");
    private static final Set<String> NOT_NAMES = Set.of(
            "looking",
            "hungry",
            "interested",
            "here",
            "staying",
            "in",
            "at",
            "not",
            "sorry",
            "fine",
            "good",
            "ok",
            "okay",
            "a",
            "an",
            "the",
            "from",
            "going",
            "trying",
            "calling",
            "checking",
            "asking",
            "wondering",
            "travelling",
            "traveling",
            "tired",
            "sure",
            "afraid",
            "just",
            "still",
            "also",
            "de",
            "del",
            "un",
            "una",
            "el",
            "la",
            "muy",
            "bien",
            "nuevo",
            "nueva",
            "cliente",
            "huesped",
            "alergico",
            "alergica",
            "vegetariano",
            "vegetariana",
            "celiaco",
            "celiaca",
            "so",
            "very",
            "really",
            "booking",
            "back",
            "about",
            "with");
    private static final Set<String> NAME_ENDS = Set.of(
            "and",
            "y",
            "my",
            "mi",
            "email",
            "e",
            "phone",
            "telefono",
            "from",
            "de",
            "at",
            "in",
            "en",
            "for",
            "para",
            "please",
            "por",
            "i",
            "would",
            "want",
            "quiero",
            "room",
            "habitacion");
    private static final Set<String> YES = Set.of(
            "yes",
            "yeah",
            "yep",
            "yup",
            "sure",
            "ok",
            "okay",
            "correct",
            "confirm",
            "confirmed",
            "si",
            "vale",
            "claro",
            "perfecto",
            "perfect",
            "great",
            "absolutely",
            "adelante",
            "exacto",
            "correcto");
    private static final Set<String> NO = Set.of("no", "nope", "nah", "cancel", "dont", "don't", "not");
    private static final Set<String> EVENING =
            Set.of("evening", "tonight", "night", "dinner", "pm", "afternoon", "tarde", "noche", "cena", "cenar");
    private static final Set<String> MORNING = Set.of("morning", "am", "breakfast", "desayuno");

    private final String defaultRegion;

    /** {@code defaultRegion}: ISO country for phone numbers without a country code, e.g. "ES". */
    public EntityExtractor(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** {@code now}: the venue's clock in the venue's zone; relative words resolve against it. */
    public Entities extract(String text, String language, ZonedDateTime now) {
        String plain = Words.plain(text);
        List<String> words = Words.split(text);
        LocalDate today = now.toLocalDate();
        String email = find(EMAIL, text);
        String withoutEmail = email == null ? text : text.replace(email, " ");
        String room = find(ROOM, plain);
        LocalDate date = date(plain, today);
        LocalTime time = time(plain, words);
        Integer nights = number(NIGHTS, plain);
        Integer party = partySize(plain);
        String reference = find(REFERENCE, text);
        String phone = phone(withoutEmail, room);
        List<Integer> numbers = new ArrayList<>();
        String masked = plain.replaceAll("\\d{1,2}[:.]\\d{2}", " ").replaceAll("[+\\d][\\d ()-]{6,}\\d", " ");
        if (room != null) {
            masked = masked.replaceAll("\\b(?:room|habitacion|hab\\.?)\\s*(?:number|numero)?\\s*\\d{1,5}\\b", " ");
        }
        for (String word : Words.split(masked)) {
            Integer n = Words.number(word, false);
            if (n != null) {
                numbers.add(n);
            }
        }
        boolean negative = words.stream().anyMatch(NO::contains) || plain.contains("mejor no");
        boolean affirmative = words.stream().anyMatch(YES::contains)
                || plain.contains("of course")
                || plain.contains("go ahead")
                || plain.contains("de acuerdo");
        return new Entities(
                date,
                time,
                party,
                date != null && nights != null ? date.plusDays(nights) : null,
                nights,
                name(text),
                email == null ? null : email.toLowerCase(Locale.ROOT),
                phone,
                room,
                reference == null ? null : reference.toUpperCase(Locale.ROOT),
                numbers,
                affirmative,
                negative);
    }

    private static @Nullable String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return null;
        }
        return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
    }

    private static @Nullable Integer number(Pattern pattern, String plain) {
        Matcher m = pattern.matcher(plain);
        return m.find() ? Words.number(m.group(1), true) : null;
    }

    private static @Nullable LocalDate date(String plain, LocalDate today) {
        Matcher iso = ISO_DATE.matcher(plain);
        if (iso.find()) {
            return LocalDate.of(
                    Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
        }
        Matcher slash = SLASH_DATE.matcher(plain);
        if (slash.find()) {
            int day = Integer.parseInt(slash.group(1));
            int month = Integer.parseInt(slash.group(2));
            if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
                int year = slash.group(3) == null ? today.getYear() : Integer.parseInt(slash.group(3));
                return upcoming(
                        LocalDate.of(year < 100 ? 2000 + year : year, month, Math.min(day, 28 + 3)),
                        today,
                        slash.group(3) == null);
            }
        }
        Matcher dayMonth = DAY_MONTH.matcher(plain);
        while (dayMonth.find()) {
            Integer month = MONTHS.get(dayMonth.group(2));
            if (month != null) {
                return upcoming(LocalDate.of(today.getYear(), month, Integer.parseInt(dayMonth.group(1))), today, true);
            }
        }
        Matcher monthDay = MONTH_DAY.matcher(plain);
        while (monthDay.find()) {
            Integer month = MONTHS.get(monthDay.group(1));
            if (month != null && !monthDay.group(1).equals("may")) {
                return upcoming(LocalDate.of(today.getYear(), month, Integer.parseInt(monthDay.group(2))), today, true);
            }
        }
        if (plain.contains("day after tomorrow") || plain.contains("pasado manana")) {
            return today.plusDays(2);
        }
        if (plain.matches(".*\\btomorrow\\b.*") || tomorrowInSpanish(plain)) {
            return today.plusDays(1);
        }
        if (plain.matches(".*\\b(today|tonight|hoy|esta noche|this (evening|afternoon|morning)|esta tarde)\\b.*")) {
            return today;
        }
        Matcher inDays = IN_DAYS.matcher(plain);
        if (inDays.find()) {
            Integer days = Words.number(inDays.group(1), true);
            if (days != null) {
                return today.plusDays(days);
            }
        }
        Matcher weekday = WEEKDAY.matcher(plain);
        if (weekday.find()) {
            DayOfWeek day = WEEKDAYS.get(weekday.group(2));
            String qualifier = weekday.group(1) == null ? "" : weekday.group(1);
            if (day != null) {
                // "next Friday" / "el próximo viernes": the first one after today; otherwise the coming one, today
                // included
                return qualifier.contains("next") || qualifier.contains("proximo")
                        ? today.with(TemporalAdjusters.next(day))
                        : today.with(TemporalAdjusters.nextOrSame(day));
            }
        }
        return null;
    }

    /** "mañana" is tomorrow, except in "por/de la mañana" (the morning); "mañana por la mañana" is both. */
    private static boolean tomorrowInSpanish(String plain) {
        Matcher m = Pattern.compile("\\bmanana\\b").matcher(plain);
        while (m.find()) {
            String before = plain.substring(Math.max(0, m.start() - 3), m.start());
            if (!before.equals("la ")) {
                return true;
            }
        }
        return false;
    }

    /** A date without a year that has passed this year means next year's. */
    private static LocalDate upcoming(LocalDate date, LocalDate today, boolean yearGuessed) {
        return yearGuessed && date.isBefore(today) ? date.plusYears(1) : date;
    }

    private static @Nullable LocalTime time(String plain, List<String> words) {
        boolean evening = words.stream().anyMatch(EVENING::contains);
        boolean morning = words.stream().anyMatch(MORNING::contains)
                || plain.contains("de la manana")
                || plain.contains("por la manana");
        if (plain.matches(".*\\b(noon|midday|mediodia)\\b.*")) {
            return LocalTime.NOON;
        }
        if (plain.matches(".*\\b(midnight|medianoche)\\b.*")) {
            return LocalTime.MIDNIGHT;
        }
        Matcher clock = CLOCK.matcher(plain);
        while (clock.find()) {
            int hour = Integer.parseInt(clock.group(1));
            int minute = Integer.parseInt(clock.group(2));
            if (hour <= 23 && minute <= 59) {
                String meridiem = clock.group(3);
                return LocalTime.of(meridiem == null ? hour : withMeridiem(hour, meridiem), minute);
            }
        }
        Matcher meridiem = HOUR_MERIDIEM.matcher(plain);
        if (meridiem.find()) {
            int hour = Integer.parseInt(meridiem.group(1));
            if (hour >= 1 && hour <= 12) {
                return LocalTime.of(withMeridiem(hour, meridiem.group(2)), 0);
            }
        }
        Matcher h = HOUR_H.matcher(plain);
        if (h.find() && Integer.parseInt(h.group(1)) <= 23) {
            return LocalTime.of(Integer.parseInt(h.group(1)), 0);
        }
        Matcher half = HALF_PAST.matcher(plain);
        if (half.find()) {
            Integer hour = Words.number(half.group(2), true);
            if (hour != null && hour >= 1 && hour <= 12) {
                return LocalTime.of(
                        hourOfDay(hour, evening, morning), half.group(1).equals("half") ? 30 : 15);
            }
        }
        Matcher quarterTo = QUARTER_TO.matcher(plain);
        if (quarterTo.find()) {
            Integer hour = Words.number(quarterTo.group(1), true);
            if (hour != null && hour >= 1 && hour <= 12) {
                return LocalTime.of(hourOfDay(hour, evening, morning), 0).minusMinutes(15);
            }
        }
        Matcher at = AT_HOUR.matcher(plain);
        if (at.find()) {
            Integer hour = Words.number(at.group(1), true);
            if (hour != null && hour <= 23) {
                String part = at.group(2) == null ? "" : at.group(2);
                int minute = part.contains("media") || part.equals("thirty")
                        ? 30
                        : part.contains("cuarto") || part.equals("fifteen") ? 15 : 0;
                LocalTime t = LocalTime.of(hour > 12 ? hour : hourOfDay(hour, evening, morning), 0);
                return part.equals("menos cuarto") ? t.minusMinutes(15) : t.plusMinutes(minute);
            }
        }
        return null;
    }

    private static int withMeridiem(int hour, String meridiem) {
        boolean pm = meridiem.startsWith("p");
        if (hour == 12) {
            return pm ? 12 : 0;
        }
        return pm ? hour + 12 : hour;
    }

    /** A bare hour of 1–12 in a hotel's day: the evening when said so, 1 to 6 in the afternoon, else the morning. */
    private static int hourOfDay(int hour, boolean evening, boolean morning) {
        if (hour == 12 || hour > 12) {
            return hour % 24;
        }
        if (morning) {
            return hour;
        }
        if (evening || hour <= 6) {
            return hour + 12;
        }
        return hour;
    }

    private static @Nullable Integer partySize(String plain) {
        if (plain.matches(".*\\b(just me|only me|solo yo|yo solo|para mi solo|just myself)\\b.*")) {
            return 1;
        }
        if (plain.matches(".*\\b(me and my (wife|husband|partner|friend)|my (wife|husband|partner) and (i|me))\\b.*")) {
            return 2;
        }
        Matcher m = PARTY.matcher(plain);
        while (m.find()) {
            String said = m.group(1) != null ? m.group(1) : m.group(2);
            Integer n = Words.number(said, true);
            if (n != null && n >= 1 && n <= 50) {
                return n;
            }
        }
        return null;
    }

    private @Nullable String phone(String text, @Nullable String room) {
        for (PhoneNumberMatch match :
                PHONES.findNumbers(text, defaultRegion, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            String raw = match.rawString();
            long digits = raw.chars().filter(Character::isDigit).count();
            if (digits < 7
                    || raw.contains(":")
                    || raw.contains("/")
                    || (room != null && raw.replaceAll("\\D", "").equals(room))) {
                continue;
            }
            return PHONES.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164);
        }
        return null;
    }

    private static @Nullable String name(String text) {
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            List<String> kept = new ArrayList<>();
            for (String word : m.group(1).split("\\s+")) {
                String plain = Words.plain(word);
                if (NAME_ENDS.contains(plain) || (kept.isEmpty() && NOT_NAMES.contains(plain))) {
                    break;
                }
                kept.add(word);
            }
            if (!kept.isEmpty()) {
                StringBuilder name = new StringBuilder();
                for (String word : kept) {
                    if (!name.isEmpty()) {
                        name.append(' ');
                    }
                    name.append(Character.toUpperCase(word.charAt(0)))
                            .append(word.substring(1).toLowerCase(Locale.ROOT));
                }
                return name.toString();
            }
        }
        return null;
    }
}
