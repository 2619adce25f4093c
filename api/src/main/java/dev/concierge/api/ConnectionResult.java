package dev.concierge.api;

/** {@code POST /api/staff/integrations/{service}/test}: whether the service answered, in words for the desk. */
public record ConnectionResult(String service, boolean ok, String message) {}
