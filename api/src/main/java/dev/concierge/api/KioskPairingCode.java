package dev.concierge.api;

import java.time.Instant;

/** A new kiosk's pairing code, shown once to staff and typed at the kiosk before {@code expiresAt}. */
public record KioskPairingCode(String id, String name, String code, Instant expiresAt) {}
