package dev.concierge.api;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/staff/keys}: a named public key for a website, allowed from the given origins. */
public record PublicKeyRequest(String name, List<String> origins) {
    public PublicKeyRequest(@Nullable String name, @Nullable List<String> origins) {
        List<String> given = origins == null ? List.of() : origins;
        FieldChecks checks = FieldChecks.start().require("name", name).maxLength("name", name, 100);
        for (int i = 0; i < given.size(); i++) {
            checks.check(
                    isOrigin(given.get(i)), "origins[" + i + "]", "must be an origin like https://www.example.com");
        }
        checks.orThrow();
        this.name = java.util.Objects.requireNonNull(name).trim();
        this.origins = List.copyOf(given);
    }

    private static boolean isOrigin(@Nullable String value) {
        if (value == null) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
