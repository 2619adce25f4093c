package dev.concierge.console.firstrun;

import dev.concierge.api.ApiClient;
import dev.concierge.api.OwnerSetup;
import dev.concierge.api.StaffSession;
import dev.concierge.console.Connection;
import dev.concierge.console.Session;

/** Creates the owner of a server without accounts and signs them in; it blocks, so it runs off the FX thread. */
@FunctionalInterface
public interface FirstRunApi {

    Session createOwner(Connection connection, OwnerSetup setup);

    /** {@code POST /api/setup/owner} (201: a staff session), then {@code GET /api/venue} with the new token. */
    static FirstRunApi overHttp() {
        return (connection, setup) -> {
            ApiClient anonymous = ApiClient.of(connection.server());
            StaffSession staff = anonymous.post("/api/setup/owner", setup, StaffSession.class);
            ApiClient client = anonymous.withStaffToken(staff.token());
            return new Session(
                    connection.server(),
                    client,
                    setup.email(),
                    staff.name(),
                    staff.role(),
                    client.venue(),
                    staff.token());
        };
    }
}
