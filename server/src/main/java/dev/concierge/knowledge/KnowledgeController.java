package dev.concierge.knowledge;

import dev.concierge.api.KnowledgeBase;
import dev.concierge.staff.Access;
import dev.concierge.venue.VenueService;
import io.javalin.config.RoutesConfig;

/**
 * {@code GET|PUT /api/staff/knowledge}: the desk reads what the assistant answers from; managers change it, and the
 * assistant answers from the new entries from the next question on.
 */
public final class KnowledgeController {
    private final VenueService venues;

    public KnowledgeController(VenueService venues) {
        this.venues = venues;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/staff/knowledge", ctx -> ctx.json(venues.knowledgeBase()), Access.FRONT_DESK);
        routes.put(
                "/api/staff/knowledge",
                ctx -> ctx.json(venues.replaceKnowledge(ctx.bodyAsClass(KnowledgeBase.class))),
                Access.MANAGER);
    }
}
