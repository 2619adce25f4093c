/**
 * One guest across every feature, for the console's Guests screen: their bookings, orders and conversations beside
 * their contact, and two contacts of the same guest merged into one.
 */
@NullMarked
package dev.concierge.guest;

import org.jspecify.annotations.NullMarked;
