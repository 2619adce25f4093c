package dev.concierge.api;

import org.jspecify.annotations.Nullable;

/** {@code POST /api/staff/login} body. */
public record StaffLogin(String email, String password) {
    public StaffLogin(@Nullable String email, @Nullable String password) {
        FieldChecks.start()
                .require("email", email)
                .maxLength("email", email, 254)
                .require("password", password)
                .maxLength("password", password, 1024)
                .orThrow();
        this.email = java.util.Objects.requireNonNull(email).trim();
        this.password = java.util.Objects.requireNonNull(password);
    }
}
