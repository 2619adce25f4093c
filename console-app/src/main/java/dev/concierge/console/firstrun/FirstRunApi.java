package dev.concierge.console.firstrun;

import dev.concierge.api.ApiClient;
import dev.concierge.api.OwnerSetup;
import dev.concierge.api.StaffSession;
import dev.concierge.api.VenueProfile;
import dev.concierge.api.VenueSetup;
import dev.concierge.console.Connection;
import dev.concierge.console.Session;

/**
 * Sets up a server without accounts: its venue when it has none, then the owner, signed in. Each call blocks, so it
 * runs off the FX thread.
 */
public interface FirstRunApi {

    /** {@code POST /api/setup/venue} (201: the venue as clients see it). */
    VenueProfile setUpVenue(Connection connection, VenueSetup setup);

    Session createOwner(Connection connection, OwnerSetup setup);

    static FirstRunApi overHttp() {
        return new FirstRunApi() {
            @Override
            public VenueProfile setUpVenue(Connection connection, VenueSetup setup) {
                return ApiClient.of(connection.server()).post("/api/setup/venue", setup, VenueProfile.class);
            }

            /** {@code POST /api/setup/owner} (201: a staff session), then {@code GET /api/venue} with the new token. */
            @Override
            public Session createOwner(Connection connection, OwnerSetup setup) {
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
            }
        };
    }
}
