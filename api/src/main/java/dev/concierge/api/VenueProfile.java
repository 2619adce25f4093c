package dev.concierge.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/venue}: what a guest-facing client shows about the venue. */
public record VenueProfile(
        String name,
        String timezone,
        String currency,
        List<String> languages,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String address) {}
