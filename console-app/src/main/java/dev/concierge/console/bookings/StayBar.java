package dev.concierge.console.bookings;

import dev.concierge.api.BookingView;

/**
 * A stay on the room grid.
 *
 * @param firstNight the column of its first night shown (0 for the grid's first night)
 * @param nights how many of the grid's nights it covers
 */
record StayBar(BookingView booking, int firstNight, int nights) {}
