package dev.concierge.crm;

import dev.concierge.api.ContactUpdate;
import dev.concierge.common.Channel;
import dev.concierge.common.DomainException;
import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The desk's view of the CRM: search and read contacts. */
public final class ContactController {
    private final ContactService contacts;

    public ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/staff/contacts", ctx -> ctx.json(contacts.search(ctx.queryParam("q"))), Access.FRONT_DESK);
        routes.get("/api/staff/contacts/{id}", ctx -> ctx.json(contacts.find(id(ctx))), Access.FRONT_DESK);
        routes.patch(
                "/api/staff/contacts/{id}",
                ctx -> ctx.json(contacts.update(id(ctx), ctx.bodyAsClass(ContactUpdate.class), Channel.CONSOLE)),
                Access.FRONT_DESK);
    }

    public static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw DomainException.notFound("contact_not_found", "There is no contact " + ctx.pathParam("id") + ".");
        }
    }
}
