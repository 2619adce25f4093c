package dev.concierge.console.today;

import org.jspecify.annotations.Nullable;

/**
 * One line of a Today section, written for a person: a headline, a second line, and the details shown when it is
 * selected.
 *
 * @param bookingId the booking it is about (arrivals, departures, appointments); null for other sections
 */
public record TodayItem(@Nullable Long bookingId, String reference, String title, String subtitle, String details) {

    @Override
    public String toString() {
        return title + " — " + subtitle;
    }
}
