package dev.concierge.web;

import dev.concierge.common.DomainException;
import dev.concierge.common.RateLimit;
import dev.concierge.staff.Access;
import dev.concierge.staff.Callers;
import dev.concierge.staff.KioskService;
import dev.concierge.staff.PublicKeyService;
import dev.concierge.staff.Role;
import dev.concierge.staff.StaffMember;
import dev.concierge.staff.StaffService;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks, before a matched route runs, that the caller may call it: 401 without credentials, 403 below its role. */
final class AccessFilter {
    static final String PUBLIC_KEY_HEADER = "X-Concierge-Key";
    static final String PUBLIC_KEY_PARAMETER = "key";

    private final StaffService staff;
    private final PublicKeyService keys;
    private final KioskService kiosks;
    private final RateLimit perAddress;

    /** @param perAddress how many public requests one address may send (staff and kiosks are not counted) */
    AccessFilter(StaffService staff, PublicKeyService keys, KioskService kiosks, RateLimit perAddress) {
        this.staff = staff;
        this.keys = keys;
        this.kiosks = kiosks;
        this.perAddress = perAddress;
    }

    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        Access needed = (Access) roles.iterator().next();
        Optional<Role> staffRole = needed.staffRole();
        if (staffRole.isEmpty()) {
            checkPublicClient(ctx);
            return;
        }
        String token = bearer(ctx);
        if (token == null) {
            throw DomainException.unauthenticated(
                    "missing_token", "Sign in first: send Authorization: Bearer <token> from /api/staff/login.");
        }
        if (KioskService.isDeviceToken(token)) {
            kiosks.authenticate(token); // an unpaired kiosk is told so (401), a paired one that this is not for it
            throw DomainException.forbidden("staff_only", "A kiosk cannot use the staff API.");
        }
        StaffMember member = staff.authenticate(token);
        if (!member.role().atLeast(staffRole.get())) {
            throw DomainException.forbidden(
                    "forbidden", "This needs the " + staffRole.get().wireName() + " role or higher.");
        }
        Callers.setStaff(ctx, member, token);
    }

    /**
     * The upgrade of an API socket: the same callers as a public route. A browser cannot set headers on a WebSocket,
     * so the widget may send its public key as the {@code key} query parameter instead (still bound to its Origin).
     */
    void checkSocket(Context ctx) {
        String key = ctx.queryParam(PUBLIC_KEY_PARAMETER);
        if (ctx.header(PUBLIC_KEY_HEADER) == null && key != null && !key.isBlank()) {
            limit(ctx);
            keys.authenticate(key.trim(), ctx.header("Origin"));
            return;
        }
        checkPublicClient(ctx);
    }

    /**
     * A website with its public key, a paired kiosk with its device token, or a signed-in member of staff (the console
     * checks availability too).
     */
    private void checkPublicClient(Context ctx) {
        String key = ctx.header(PUBLIC_KEY_HEADER);
        if (key != null && !key.isBlank()) {
            limit(ctx);
            keys.authenticate(key.trim(), ctx.header("Origin"));
            return;
        }
        String token = bearer(ctx);
        if (token == null) {
            throw DomainException.unauthenticated(
                    "missing_key", "Send the website's public key in the " + PUBLIC_KEY_HEADER + " header.");
        }
        if (KioskService.isDeviceToken(token)) {
            Callers.setKiosk(ctx, kiosks.authenticate(token));
            return;
        }
        Callers.setStaff(ctx, staff.authenticate(token), token);
    }

    /** Counted before the key is checked, so a flood of made-up keys is slowed down too. */
    private void limit(Context ctx) {
        perAddress.tryTake(ctx.ip()).ifPresent(wait -> {
            throw DomainException.tooManyRequests(
                    "Too many requests from your address. Please wait " + wait.toSeconds() + " s and try again.", wait);
        });
    }

    private static @Nullable String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
