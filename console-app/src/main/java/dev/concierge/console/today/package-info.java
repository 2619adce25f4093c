/** Today at the desk: arrivals, departures, the day's appointments and tables, and what waits for a person. */
@NullMarked
package dev.concierge.console.today;

import org.jspecify.annotations.NullMarked;
