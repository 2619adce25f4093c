package dev.concierge.staff;

import dev.concierge.api.PublicKeyRequest;
import dev.concierge.api.StaffLogin;
import dev.concierge.api.StaffProfile;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;

/** Login, logout, and the public keys of websites. */
public final class StaffController {
    private final StaffService staff;
    private final PublicKeyService keys;

    public StaffController(StaffService staff, PublicKeyService keys) {
        this.staff = staff;
        this.keys = keys;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/staff/login", ctx -> {
            StaffLogin login = ctx.bodyAsClass(StaffLogin.class);
            ctx.json(staff.login(login.email(), login.password(), ctx.ip()));
        });
        routes.post(
                "/api/staff/logout",
                ctx -> {
                    Callers.token(ctx).ifPresent(staff::logout);
                    ctx.status(HttpStatus.NO_CONTENT);
                },
                Access.FRONT_DESK);
        routes.get(
                "/api/staff/me",
                ctx -> {
                    StaffMember member = Callers.staff(ctx).orElseThrow();
                    ctx.json(new StaffProfile(
                            member.id(),
                            member.email(),
                            member.name(),
                            member.role().wireName()));
                },
                Access.FRONT_DESK);
        routes.post(
                "/api/staff/keys",
                ctx -> {
                    PublicKeyRequest request = ctx.bodyAsClass(PublicKeyRequest.class);
                    Long by = Callers.staff(ctx).map(StaffMember::id).orElse(null);
                    ctx.status(HttpStatus.CREATED).json(keys.create(request, by));
                },
                Access.MANAGER);
        routes.get("/api/staff/keys", ctx -> ctx.json(keys.list()), Access.MANAGER);
        routes.delete(
                "/api/staff/keys/{id}",
                ctx -> {
                    keys.revoke(ctx.pathParam("id"));
                    ctx.status(HttpStatus.NO_CONTENT);
                },
                Access.MANAGER);
    }
}
