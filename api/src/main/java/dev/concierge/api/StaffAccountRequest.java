package dev.concierge.api;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/staff/accounts}: a new member of staff with their first password (they may change it later). */
public record StaffAccountRequest(String email, String name, String role, String password) {
    static final Set<String> ROLES = Set.of("owner", "manager", "front_desk");

    public StaffAccountRequest(
            @Nullable String email, @Nullable String name, @Nullable String role, @Nullable String password) {
        FieldChecks.start()
                .require("email", email)
                .maxLength("email", email, 254)
                .check(
                        email == null || email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
                        "email",
                        "is not an e-mail address")
                .require("name", name)
                .maxLength("name", name, 200)
                .require("role", role)
                .check(role == null || ROLES.contains(role), "role", "must be one of owner, manager, front_desk")
                .require("password", password)
                .maxLength("password", password, 200)
                .orThrow();
        this.email = java.util.Objects.requireNonNull(email).trim();
        this.name = java.util.Objects.requireNonNull(name).trim();
        this.role = java.util.Objects.requireNonNull(role);
        this.password = java.util.Objects.requireNonNull(password);
    }
}
