package dev.concierge.api;

import java.time.Instant;

/** The answer to a login: a bearer token for {@code /api/staff} routes, the account's role, and when it expires. */
public record StaffSession(String token, String role, String name, Instant expiresAt) {}
