package dev.concierge.api;

/** {@code GET /api/setup}: whether the appliance still needs its owner account (a first run). */
public record SetupStatus(boolean needed) {}
