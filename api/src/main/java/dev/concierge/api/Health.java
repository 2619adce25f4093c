package dev.concierge.api;

import java.util.Map;

/** {@code GET /api/health}: {@code status} is "ok" or "degraded"; integrations map a name to its state. */
public record Health(String status, String version, String database, Map<String, String> integrations) {}
