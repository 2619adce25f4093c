package dev.concierge.api;

import java.time.Instant;

/** A staff account as managers see it ({@code GET /api/staff/accounts}): never its password. */
public record StaffAccount(long id, String email, String name, String role, boolean active, Instant createdAt) {}
