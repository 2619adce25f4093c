package dev.concierge.staff;

import io.javalin.security.RouteRole;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who may call a route. A route with no access level is open (health, login); every other route names the least
 * it needs, and the access filter refuses the rest with 401 or 403.
 */
public enum Access implements RouteRole {
    /** A website with a valid public key, or a paired kiosk. */
    PUBLIC_CLIENT(null),
    FRONT_DESK(Role.FRONT_DESK),
    MANAGER(Role.MANAGER),
    OWNER(Role.OWNER);

    private final @Nullable Role staffRole;

    Access(@Nullable Role staffRole) {
        this.staffRole = staffRole;
    }

    /** The least staff role this level needs; empty for public clients. */
    public Optional<Role> staffRole() {
        return Optional.ofNullable(staffRole);
    }
}
