package dev.concierge.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A guest in the CRM (DESIGN.md): one per person, found again by e-mail (trimmed, lower-case) or phone (E.164).
 * {@code consent} is the guest's yes to being contacted; {@code consentAt} and {@code consentSource} say when and
 * through which channel it was given.
 */
public record Contact(
        long id,
        @Nullable String name,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String language,
        @Nullable String intent,
        @Nullable String notes,
        boolean consent,
        @Nullable Instant consentAt,
        @Nullable String consentSource,
        String source,
        Instant createdAt,
        Instant updatedAt) {}
