package dev.concierge.venue;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local opening period such as {@code 09:00-14:00}. When {@code end} is not after {@code start} the period runs
 * past midnight into the next day ({@code 19:00-00:30}); {@code 24:00} as an end means midnight.
 */
public record TimePeriod(LocalTime start, LocalTime end) {
    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public TimePeriod {
        if (start.equals(end)) {
            throw new IllegalArgumentException("a period must not start and end at the same time");
        }
    }

    public boolean overnight() {
        return !end.isAfter(start);
    }

    public Duration length() {
        Duration length = Duration.between(start, end);
        return overnight() ? length.plusDays(1) : length;
    }

    /** Parses {@code HH:MM-HH:MM}; empty when the text is not a period. */
    public static Optional<TimePeriod> parse(String text) {
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<LocalTime> start = parseTime(matcher.group(1), false);
        Optional<LocalTime> end = parseTime(matcher.group(2), true);
        if (start.isEmpty() || end.isEmpty() || start.get().equals(end.get())) {
            return Optional.empty();
        }
        return Optional.of(new TimePeriod(start.get(), end.get()));
    }

    /** Parses {@code HH:MM}; {@code 24:00} only where it may end a period. */
    static Optional<LocalTime> parseTime(String text, boolean mayBeEndOfDay) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length != 2 || parts[1].length() != 2 || parts[0].isEmpty() || parts[0].length() > 2) {
            return Optional.empty();
        }
        try {
            int hour = Integer.parseInt(parts[0]);
            int minute = Integer.parseInt(parts[1]);
            if (mayBeEndOfDay && hour == 24 && minute == 0) {
                return Optional.of(LocalTime.MIDNIGHT);
            }
            if (hour > 23 || minute > 59) {
                return Optional.empty();
            }
            return Optional.of(LocalTime.of(hour, minute));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return HH_MM.format(start) + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : HH_MM.format(end));
    }
}
