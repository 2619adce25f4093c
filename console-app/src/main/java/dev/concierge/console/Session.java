package dev.concierge.console;

import dev.concierge.api.ApiClient;
import dev.concierge.api.VenueProfile;
import java.net.URI;

/**
 * A signed-in member of staff: the client carrying their token, who they are, and the venue they work at.
 *
 * @param role the API's role name: {@code owner}, {@code manager} or {@code front_desk}
 * @param token the staff token itself, for what the client cannot carry: the inbox's socket; never shown or written
 */
public record Session(
        URI server, ApiClient client, String email, String name, String role, VenueProfile venue, String token) {

    /** A session whose token only its client knows (tests of screens without a socket). */
    public Session(URI server, ApiClient client, String email, String name, String role, VenueProfile venue) {
        this(server, client, email, name, role, venue, "");
    }

    /** The role as a person reads it: "front desk" rather than {@code front_desk}. */
    public String roleText() {
        return role.replace('_', ' ');
    }

    @Override
    public String toString() {
        return "Session[" + email + " (" + role + ") at " + server + "]"; // never the token
    }
}
