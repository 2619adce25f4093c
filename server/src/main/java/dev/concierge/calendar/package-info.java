/** Private iCalendar feeds of the bookings, one secret URL per service or for the room stays. */
@NullMarked
package dev.concierge.calendar;

import org.jspecify.annotations.NullMarked;
