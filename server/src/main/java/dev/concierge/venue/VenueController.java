package dev.concierge.venue;

import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;

/** Public routes about the venue itself. */
public final class VenueController {
    private final VenueService venues;

    public VenueController(VenueService venues) {
        this.venues = venues;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/venue", ctx -> ctx.json(venues.profile()), Access.PUBLIC_CLIENT);
    }
}
