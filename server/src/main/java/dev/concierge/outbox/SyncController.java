package dev.concierge.outbox;

import dev.concierge.api.InvalidFieldsException;
import dev.concierge.common.DomainException;
import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/staff/sync} and {@code POST /api/staff/sync/{id}/retry}: the desk sees and unblocks the outbox. */
public final class SyncController {
    private static final Set<String> STATUSES = Set.of("pending", "delivered", "dead");
    private static final int DEFAULT_LIMIT = 100;
    private static final int LARGEST_LIMIT = 1000;

    private final SyncService sync;

    public SyncController(SyncService sync) {
        this.sync = sync;
    }

    public void register(RoutesConfig routes) {
        routes.get(
                "/api/staff/sync",
                ctx -> ctx.json(sync.status(status(ctx), blankToNull(ctx.queryParam("connector")), limit(ctx))),
                Access.FRONT_DESK);
        routes.post(
                "/api/staff/sync/{id}/retry",
                ctx -> {
                    sync.retry(id(ctx));
                    ctx.status(202).json(sync.status(null, null, DEFAULT_LIMIT));
                },
                Access.FRONT_DESK);
    }

    private static @Nullable String status(Context ctx) {
        String status = blankToNull(ctx.queryParam("status"));
        if (status != null && !STATUSES.contains(status)) {
            throw InvalidFieldsException.of("status", "must be pending, delivered or dead");
        }
        return status;
    }

    private static int limit(Context ctx) {
        String limit = blankToNull(ctx.queryParam("limit"));
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= LARGEST_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw InvalidFieldsException.of("limit", "must be a whole number from 1 to " + LARGEST_LIMIT);
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw DomainException.notFound("delivery_not_found", "There is no delivery " + ctx.pathParam("id") + ".");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
