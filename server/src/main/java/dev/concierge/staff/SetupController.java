package dev.concierge.staff;

import dev.concierge.api.OwnerSetup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;

/** The first run's routes, open to anybody (the setup code is the credential): {@code /api/setup}. */
public final class SetupController {
    private final SetupService setup;

    public SetupController(SetupService setup) {
        this.setup = setup;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/setup", ctx -> ctx.json(setup.status()));
        routes.post(
                "/api/setup/owner",
                ctx -> ctx.status(HttpStatus.CREATED)
                        .json(setup.createOwner(ctx.bodyAsClass(OwnerSetup.class), ctx.ip())));
    }
}
