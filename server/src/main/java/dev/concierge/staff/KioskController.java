package dev.concierge.staff;

import dev.concierge.api.KioskPairRequest;
import dev.concierge.api.KioskRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;

/** Pairing lobby kiosks: managers make codes and unpair; a kiosk redeems its code for a device token. */
public final class KioskController {
    private final KioskService kiosks;

    public KioskController(KioskService kiosks) {
        this.kiosks = kiosks;
    }

    public void register(RoutesConfig routes) {
        routes.post(
                "/api/staff/kiosks",
                ctx -> {
                    Long by = Callers.staff(ctx).map(StaffMember::id).orElse(null);
                    ctx.status(HttpStatus.CREATED).json(kiosks.create(ctx.bodyAsClass(KioskRequest.class), by));
                },
                Access.MANAGER);
        routes.get("/api/staff/kiosks", ctx -> ctx.json(kiosks.list()), Access.MANAGER);
        routes.delete(
                "/api/staff/kiosks/{id}",
                ctx -> {
                    kiosks.revoke(ctx.pathParam("id"));
                    ctx.status(HttpStatus.NO_CONTENT);
                },
                Access.MANAGER);
        routes.post(
                "/api/kiosk/pair",
                ctx -> ctx.json(
                        kiosks.pair(ctx.bodyAsClass(KioskPairRequest.class).code(), ctx.ip())));
    }
}
