package dev.concierge.venue;

import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;
import java.util.Optional;
import java.util.function.Supplier;

/** Public routes about the venue itself. */
public final class VenueController {
    private final VenueService venues;
    private final Supplier<Optional<String>> brandColor;

    /** @param brandColor the venue's colour as the console set it, read at each call */
    public VenueController(VenueService venues, Supplier<Optional<String>> brandColor) {
        this.venues = venues;
        this.brandColor = brandColor;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/venue", ctx -> ctx.json(venues.profile(brandColor.get().orElse(null))), Access.PUBLIC_CLIENT);
    }
}
