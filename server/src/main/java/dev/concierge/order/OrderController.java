package dev.concierge.order;

import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.OrderRequest;
import dev.concierge.api.OrderUpdate;
import dev.concierge.api.OrderView;
import dev.concierge.api.PaymentChoice;
import dev.concierge.common.Channel;
import dev.concierge.common.DateParameter;
import dev.concierge.common.DomainException;
import dev.concierge.staff.Access;
import dev.concierge.staff.Callers;
import dev.concierge.staff.Kiosk;
import dev.concierge.staff.StaffMember;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Orders: placed by guests (public key) and the desk, moved along their life by the desk; a stay's folio. */
public final class OrderController {
    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    /** {@code POST /api/orders/confirm}: which order to read again. */
    record Confirm(@Nullable Long orderId) {
        Confirm {
            if (orderId == null) {
                throw InvalidFieldsException.of("orderId", "is required");
            }
        }
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/orders/create", this::create, Access.PUBLIC_CLIENT);
        routes.post("/api/orders/confirm", this::confirm, Access.PUBLIC_CLIENT);
        routes.post(
                "/api/orders/{id}/terminal",
                ctx -> {
                    Kiosk kiosk = Callers.readerCaller(ctx);
                    ctx.json(forGuest(orders.collectAtReader(
                            id(ctx), kiosk == null ? null : kiosk.id(), kiosk == null ? null : kiosk.readerId())));
                },
                Access.PUBLIC_CLIENT);
        routes.post(
                "/api/orders/{id}/terminal/cancel",
                ctx -> {
                    Callers.readerCaller(ctx);
                    ctx.json(forGuest(orders.cancelAtReader(id(ctx))));
                },
                Access.PUBLIC_CLIENT);
        routes.post(
                "/api/orders/{id}/payment",
                ctx -> {
                    Kiosk kiosk = Callers.readerCaller(ctx);
                    PaymentChoice change = ctx.bodyAsClass(PaymentChoice.class);
                    ctx.json(forGuest(orders.payOtherwise(
                            id(ctx),
                            java.util.Objects.requireNonNull(change.method()),
                            kiosk == null ? Channel.CONSOLE : Channel.KIOSK,
                            staffId(ctx))));
                },
                Access.PUBLIC_CLIENT);
        routes.get("/api/staff/orders", this::list, Access.FRONT_DESK);
        routes.post(
                "/api/staff/orders",
                ctx -> ctx.status(HttpStatus.CREATED)
                        .json(orders.place(ctx.bodyAsClass(OrderRequest.class), Channel.CONSOLE, staffId(ctx))),
                Access.FRONT_DESK);
        routes.get("/api/staff/orders/{id}", ctx -> ctx.json(orders.find(id(ctx))), Access.FRONT_DESK);
        routes.patch(
                "/api/staff/orders/{id}",
                ctx -> ctx.json(
                        orders.update(id(ctx), ctx.bodyAsClass(OrderUpdate.class), Channel.CONSOLE, staffId(ctx))),
                Access.FRONT_DESK);
        routes.post(
                "/api/staff/orders/{id}/refund",
                ctx -> ctx.status(HttpStatus.ACCEPTED).json(orders.requestRefund(id(ctx), staffId(ctx))),
                Access.MANAGER);
        routes.get(
                "/api/staff/bookings/{id}/folio",
                ctx -> ctx.json(orders.folio(id(ctx, "stay_not_found"))),
                Access.FRONT_DESK);
    }

    private void create(Context ctx) {
        OrderRequest request = ctx.bodyAsClass(OrderRequest.class);
        Long staffId = staffId(ctx);
        // the desk may order through the public route too; then it is the desk's order
        Channel channel =
                staffId != null ? Channel.CONSOLE : Callers.kiosk(ctx).isPresent() ? Channel.KIOSK : Channel.WEB;
        ctx.status(HttpStatus.CREATED).json(forGuest(orders.place(request, channel, staffId)));
    }

    /** Re-reads an order's card payment from the provider and answers the order, without who ordered it. */
    private void confirm(Context ctx) {
        Confirm confirm = ctx.bodyAsClass(Confirm.class);
        ctx.json(forGuest(orders.confirm(java.util.Objects.requireNonNull(confirm.orderId()))));
    }

    /** What a public client sees of an order: not who ordered it or their note, since ids can be guessed. */
    private static OrderView forGuest(OrderView order) {
        return new OrderView(
                order.id(),
                order.reference(),
                order.items(),
                order.total(),
                order.status(),
                order.payment(),
                order.roomNumber(),
                order.table(),
                null,
                null,
                order.source(),
                order.createdAt(),
                null,
                null);
    }

    private void list(Context ctx) {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate from = date(ctx, "from", problems);
        LocalDate to = date(ctx, "to", problems);
        String status = ctx.queryParam("status");
        if (status != null && !OrderUpdate.STATUSES.contains(status)) {
            problems.put("status", "is not an order status");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        ctx.json(orders.list(status, ctx.queryParam("category"), from, to, ctx.queryParam("q")));
    }

    private static @Nullable LocalDate date(Context ctx, String name, Map<String, String> problems) {
        return DateParameter.optional(name, ctx.queryParam(name), problems);
    }

    private static @Nullable Long staffId(Context ctx) {
        return Callers.staff(ctx).map(StaffMember::id).orElse(null);
    }

    private static long id(Context ctx) {
        return id(ctx, "order_not_found");
    }

    private static long id(Context ctx, String notFoundCode) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw DomainException.notFound(notFoundCode, "There is nothing with id " + ctx.pathParam("id") + ".");
        }
    }
}
