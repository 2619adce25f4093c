package dev.concierge.api;

import java.time.Instant;
import java.util.List;

/** A public key as listed to staff: never the key itself, only its first characters. */
public record PublicKeySummary(String id, String name, String prefix, List<String> origins, Instant createdAt) {}
