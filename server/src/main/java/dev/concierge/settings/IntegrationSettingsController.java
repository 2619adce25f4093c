package dev.concierge.settings;

import dev.concierge.api.IntegrationChange;
import dev.concierge.staff.Access;
import dev.concierge.staff.Callers;
import dev.concierge.staff.StaffMember;
import io.javalin.config.RoutesConfig;

/** {@code GET /api/staff/integrations} (managers see what is set, never a secret), {@code PUT} (owners only). */
public final class IntegrationSettingsController {
    private final IntegrationSettingsService integrations;

    public IntegrationSettingsController(IntegrationSettingsService integrations) {
        this.integrations = integrations;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/staff/integrations", ctx -> ctx.json(integrations.list()), Access.MANAGER);
        routes.put(
                "/api/staff/integrations",
                ctx -> ctx.json(integrations.update(
                        ctx.bodyAsClass(IntegrationChange.class),
                        Callers.staff(ctx).map(StaffMember::id).orElse(null))),
                Access.OWNER);
    }
}
