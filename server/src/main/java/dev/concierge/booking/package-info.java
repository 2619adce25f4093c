/** Bookings: availability of service slots and room stays, the booking lifecycle, and no overbooking. */
@NullMarked
package dev.concierge.booking;

import org.jspecify.annotations.NullMarked;
