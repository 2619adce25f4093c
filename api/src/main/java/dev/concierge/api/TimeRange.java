package dev.concierge.api;

import java.time.OffsetDateTime;

/** A start and an end in the venue's time, e.g. an alternative offered when a slot is taken. */
public record TimeRange(OffsetDateTime start, OffsetDateTime end) {}
