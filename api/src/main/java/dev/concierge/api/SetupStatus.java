package dev.concierge.api;

/**
 * {@code GET /api/setup}: whether the appliance still needs its owner account (a first run), and whether it still
 * has no venue (a first run without a venue file: the setup asks for the venue's basics or a file).
 */
public record SetupStatus(boolean needed, boolean venueNeeded) {}
