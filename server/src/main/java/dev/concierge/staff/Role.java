package dev.concierge.staff;

import java.util.Locale;
import java.util.Optional;

/** Staff roles, each allowed everything the ones below it are: owner > manager > front_desk. */
public enum Role {
    FRONT_DESK,
    MANAGER,
    OWNER;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** The name used in the API and the database: {@code owner}, {@code manager}, {@code front_desk}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
