package dev.concierge.api;

import org.jspecify.annotations.Nullable;

/**
 * {@code PATCH /api/staff/accounts/{id}}: any of a new name, role, a new password, or {@code active: false} to stop the
 * account (its sessions end at once) and {@code true} to let it sign in again.
 */
public record StaffAccountUpdate(
        @Nullable String name,
        @Nullable String role,
        @Nullable Boolean active,
        @Nullable String password) {
    public StaffAccountUpdate {
        FieldChecks.start()
                .check(
                        name != null || role != null || active != null || password != null,
                        "body",
                        "give at least one of name, role, active, password")
                .check(name == null || !name.isBlank(), "name", "must not be empty")
                .maxLength("name", name, 200)
                .check(
                        role == null || StaffAccountRequest.ROLES.contains(role),
                        "role",
                        "must be one of owner, manager, front_desk")
                .maxLength("password", password, 200)
                .orThrow();
        name = name == null ? null : name.trim();
    }
}
