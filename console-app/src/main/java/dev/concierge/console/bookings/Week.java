package dev.concierge.console.bookings;

import dev.concierge.api.BookingView;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Lays one service's bookings out on a week: Monday to Sunday of the chosen day, each by its venue-local day. */
final class Week {
    static final int DAYS = 7;

    /** One day of the week view: its date and the service's bookings starting on it, by start. */
    record Day(LocalDate date, List<BookingView> bookings) {}

    private Week() {}

    /** The Monday of the week {@code day} is in. */
    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The seven days of {@code day}'s week with the bookings of {@code serviceId} among {@code bookings}. */
    static List<Day> days(LocalDate day, String serviceId, List<BookingView> bookings, ZoneId zone) {
        LocalDate first = monday(day);
        return IntStream.range(0, DAYS)
                .mapToObj(first::plusDays)
                .map(date -> new Day(
                        date,
                        bookings.stream()
                                .filter(booking -> serviceId.equals(booking.serviceId()))
                                .filter(booking -> booking.start()
                                        .atZoneSameInstant(zone)
                                        .toLocalDate()
                                        .equals(date))
                                .sorted(Comparator.comparing(BookingView::start).thenComparingLong(BookingView::id))
                                .toList()))
                .toList();
    }
}
