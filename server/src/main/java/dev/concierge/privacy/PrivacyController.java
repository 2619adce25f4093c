package dev.concierge.privacy;

import dev.concierge.crm.ContactController;
import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;

/** The GDPR routes on a contact, for managers and owners. */
public final class PrivacyController {
    private final PrivacyService privacy;

    public PrivacyController(PrivacyService privacy) {
        this.privacy = privacy;
    }

    public void register(RoutesConfig routes) {
        routes.get(
                "/api/staff/contacts/{id}/export",
                ctx -> {
                    long id = ContactController.id(ctx);
                    ctx.header("Content-Disposition", "attachment; filename=\"contact-" + id + ".json\"")
                            .json(privacy.export(id));
                },
                Access.MANAGER);
        routes.delete(
                "/api/staff/contacts/{id}",
                ctx -> {
                    privacy.erase(ContactController.id(ctx));
                    ctx.status(HttpStatus.NO_CONTENT);
                },
                Access.MANAGER);
    }
}
