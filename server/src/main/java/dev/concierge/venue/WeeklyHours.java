package dev.concierge.venue;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Opening periods per weekday; a day that is absent is closed. */
public record WeeklyHours(Map<DayOfWeek, List<TimePeriod>> periods) {
    public WeeklyHours {
        EnumMap<DayOfWeek, List<TimePeriod>> copy = new EnumMap<>(DayOfWeek.class);
        periods.forEach((day, list) -> {
            if (!list.isEmpty()) {
                copy.put(day, List.copyOf(list));
            }
        });
        periods = java.util.Collections.unmodifiableMap(copy);
    }

    public static WeeklyHours closed() {
        return new WeeklyHours(Map.of());
    }

    public List<TimePeriod> on(DayOfWeek day) {
        return periods.getOrDefault(day, List.of());
    }

    /** The canonical text form, one key per day: {@code {"mon": "09:00-14:00, 16:00-20:00", "sun": "closed"}}. */
    public Map<String, String> toText() {
        Map<String, String> text = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimePeriod> list = on(day);
            text.put(
                    VenueFileReader.dayKey(day),
                    list.isEmpty()
                            ? "closed"
                            : String.join(
                                    ", ",
                                    list.stream().map(TimePeriod::toString).toList()));
        }
        return text;
    }
}
