package dev.concierge.settings;

import dev.concierge.api.Settings;
import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;

/** {@code GET|PUT /api/staff/settings}, for managers and owners. */
public final class SettingsController {
    private final SettingsService settings;

    public SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/staff/settings", ctx -> ctx.json(settings.current()), Access.MANAGER);
        routes.put(
                "/api/staff/settings",
                ctx -> ctx.json(settings.update(ctx.bodyAsClass(Settings.class))),
                Access.MANAGER);
    }
}
