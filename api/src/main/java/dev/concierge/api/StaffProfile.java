package dev.concierge.api;

/** {@code GET /api/staff/me}: who is logged in. */
public record StaffProfile(long id, String email, String name, String role) {}
