package dev.concierge.api;

import java.util.List;

/** The answer to creating a public key: the key itself is shown this once and stored only as a hash. */
public record PublicKeyCreated(String id, String key, String name, List<String> origins) {}
