package dev.concierge.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of a booking's history: what changed, through which channel, by which staff member. */
public record BookingChange(
        String what,
        String channel,
        @Nullable String staff,
        Instant at,
        @Nullable String detail) {}
