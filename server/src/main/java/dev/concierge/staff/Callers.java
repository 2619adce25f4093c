package dev.concierge.staff;

import dev.concierge.common.DomainException;
import io.javalin.http.Context;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Where the access filter leaves the authenticated caller of a request, for the routes to read. */
public final class Callers {
    private static final String STAFF = "concierge.staff";
    private static final String TOKEN = "concierge.token";
    private static final String KIOSK = "concierge.kiosk";

    private Callers() {}

    public static void setStaff(Context ctx, StaffMember member, String token) {
        ctx.attribute(STAFF, member);
        ctx.attribute(TOKEN, token);
    }

    /** The logged-in staff member; only absent on routes open to everybody. */
    public static Optional<StaffMember> staff(Context ctx) {
        return Optional.ofNullable(ctx.attribute(STAFF));
    }

    public static void setKiosk(Context ctx, Kiosk kiosk) {
        ctx.attribute(KIOSK, kiosk);
    }

    /** The paired kiosk calling, when a kiosk is. */
    public static Optional<Kiosk> kiosk(Context ctx) {
        return Optional.ofNullable(ctx.attribute(KIOSK));
    }

    /**
     * Who may drive a card reader (an order's payment, a booking's deposit): a paired kiosk, answered so its own
     * reader is used, or the desk (null); a website is refused, since ids can be guessed.
     */
    public static @Nullable Kiosk readerCaller(Context ctx) {
        Kiosk kiosk = kiosk(ctx).orElse(null);
        if (kiosk == null && staff(ctx).isEmpty()) {
            throw DomainException.forbidden(
                    "kiosk_only", "Only a paired kiosk or the desk can take a payment at a card reader.");
        }
        return kiosk;
    }

    static Optional<String> token(Context ctx) {
        return Optional.ofNullable(ctx.attribute(TOKEN));
    }
}
