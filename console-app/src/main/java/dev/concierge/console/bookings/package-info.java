/** The Bookings screen: the day's timeline per service, the room grid per night, search, details, create and change. */
@NullMarked
package dev.concierge.console.bookings;

import org.jspecify.annotations.NullMarked;
