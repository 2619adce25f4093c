package dev.concierge.staff;

import dev.concierge.api.PublicKeyRequest;
import dev.concierge.api.StaffAccountRequest;
import dev.concierge.api.StaffAccountUpdate;
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

    private static long accountId(io.javalin.http.Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw dev.concierge.common.DomainException.notFound(
                    "account_not_found", "There is no account " + ctx.pathParam("id") + ".");
        }
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
        routes.get("/api/staff/accounts", ctx -> ctx.json(staff.accounts()), Access.MANAGER);
        routes.post(
                "/api/staff/accounts",
                ctx -> ctx.status(HttpStatus.CREATED)
                        .json(staff.addAccount(
                                Callers.staff(ctx).orElseThrow(), ctx.bodyAsClass(StaffAccountRequest.class))),
                Access.MANAGER);
        routes.patch(
                "/api/staff/accounts/{id}",
                ctx -> ctx.json(staff.updateAccount(
                        Callers.staff(ctx).orElseThrow(), accountId(ctx), ctx.bodyAsClass(StaffAccountUpdate.class))),
                Access.MANAGER);
        routes.delete(
                "/api/staff/keys/{id}",
                ctx -> {
                    keys.revoke(ctx.pathParam("id"));
                    ctx.status(HttpStatus.NO_CONTENT);
                },
                Access.MANAGER);
    }
}
