package dev.concierge.api;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/setup/owner}: the first account of a new appliance, allowed only while there is none, with the
 * setup code the server printed at start (the in-process console knows it).
 */
public record OwnerSetup(String code, String name, String email, String password) {
    public OwnerSetup(@Nullable String code, @Nullable String name, @Nullable String email, @Nullable String password) {
        FieldChecks.start()
                .require("code", code)
                .maxLength("code", code, 40)
                .require("name", name)
                .maxLength("name", name, 200)
                .require("email", email)
                .maxLength("email", email, 254)
                .require("password", password)
                .maxLength("password", password, 200)
                .orThrow();
        this.code = java.util.Objects.requireNonNull(code);
        this.name = java.util.Objects.requireNonNull(name).trim();
        this.email = java.util.Objects.requireNonNull(email).trim();
        this.password = java.util.Objects.requireNonNull(password);
    }
}
