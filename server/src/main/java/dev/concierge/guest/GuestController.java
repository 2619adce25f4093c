package dev.concierge.guest;

import dev.concierge.api.ContactMerge;
import dev.concierge.crm.ContactController;
import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;

/** The desk's routes on one guest beyond the contact itself: their history, and a merge of duplicates. */
public final class GuestController {
    private final GuestService guests;

    public GuestController(GuestService guests) {
        this.guests = guests;
    }

    public void register(RoutesConfig routes) {
        routes.get(
                "/api/staff/contacts/{id}/activity",
                ctx -> ctx.json(guests.activity(ContactController.id(ctx))),
                Access.FRONT_DESK);
        routes.post(
                "/api/staff/contacts/{id}/merge",
                ctx -> ctx.json(guests.merge(
                        ContactController.id(ctx),
                        ctx.bodyAsClass(ContactMerge.class).duplicateId())),
                Access.FRONT_DESK);
    }
}
