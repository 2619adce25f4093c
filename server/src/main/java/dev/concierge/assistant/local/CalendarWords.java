package dev.concierge.assistant.local;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Names of months and weekdays in English and Spanish, folded, with the usual short forms of months. */
final class CalendarWords {
    private static final Map<String, Month> MONTHS = months();
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY),
            Map.entry("lunes", DayOfWeek.MONDAY),
            Map.entry("martes", DayOfWeek.TUESDAY),
            Map.entry("miercoles", DayOfWeek.WEDNESDAY),
            Map.entry("jueves", DayOfWeek.THURSDAY),
            Map.entry("viernes", DayOfWeek.FRIDAY),
            Map.entry("sabado", DayOfWeek.SATURDAY),
            Map.entry("domingo", DayOfWeek.SUNDAY));

    private CalendarWords() {}

    private static Map<String, Month> months() {
        String[][] names = {
            {"january", "jan", "enero", "ene"},
            {"february", "feb", "febrero"},
            {"march", "mar", "marzo"},
            {"april", "apr", "abril", "abr"},
            {"may", "mayo"},
            {"june", "jun", "junio"},
            {"july", "jul", "julio"},
            {"august", "aug", "agosto", "ago"},
            {"september", "sep", "sept", "septiembre", "setiembre"},
            {"october", "oct", "octubre"},
            {"november", "nov", "noviembre"},
            {"december", "dec", "diciembre", "dic"}
        };
        Map<String, Month> months = new HashMap<>();
        for (int m = 0; m < names.length; m++) {
            for (String name : names[m]) {
                months.put(name, Month.of(m + 1));
            }
        }
        return Map.copyOf(months);
    }

    /** The month a folded word names, or null; short forms like "mar" count only next to a day number. */
    static @Nullable Month month(String word) {
        return MONTHS.get(word);
    }

    static @Nullable DayOfWeek weekday(String word) {
        return WEEKDAYS.get(word);
    }

    /** Days in a month; for {@code year} 0 (not said) February has 29, so "29/2" is a date to resolve later. */
    static int lengthOfMonth(int year, int month) {
        return year == 0
                ? Month.of(month).maxLength()
                : YearMonth.of(year, month).lengthOfMonth();
    }
}
