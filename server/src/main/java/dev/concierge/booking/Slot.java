package dev.concierge.booking;

import java.time.Instant;

/** A bookable start time: the service runs from {@code start} to {@code end}; {@code remaining} units or covers. */
public record Slot(Instant start, Instant end, int remaining) {}
