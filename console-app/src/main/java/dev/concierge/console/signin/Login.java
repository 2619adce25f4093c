package dev.concierge.console.signin;

import dev.concierge.api.ApiClient;
import dev.concierge.api.StaffSession;
import dev.concierge.console.Connection;
import dev.concierge.console.Session;

/** Signs a member of staff in at a server; it blocks, so it runs off the FX thread. */
@FunctionalInterface
public interface Login {

    Session signIn(Connection connection, String email, String password);

    /** {@code POST /api/staff/login}, then {@code GET /api/venue} with the new token (its zone says what today is). */
    static Login overHttp() {
        return (connection, email, password) -> {
            ApiClient anonymous = ApiClient.of(connection.server());
            StaffSession staff = anonymous.login(email, password);
            ApiClient client = anonymous.withStaffToken(staff.token());
            return new Session(
                    connection.server(), client, email, staff.name(), staff.role(), client.venue(), staff.token());
        };
    }
}
