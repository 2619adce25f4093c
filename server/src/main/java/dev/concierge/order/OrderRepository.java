package dev.concierge.order;

import static dev.concierge.jooq.Tables.ORDERS;
import static dev.concierge.jooq.Tables.ORDER_ITEM;

import dev.concierge.api.ContactDetails;
import dev.concierge.api.Folio;
import dev.concierge.api.Money;
import dev.concierge.api.OrderView;
import dev.concierge.jooq.tables.records.BookingRecord;
import dev.concierge.jooq.tables.records.OrdersRecord;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** Reads orders for the desk: the filtered queue, one order with its lines, and a stay's folio. */
final class OrderRepository {
    /** The most a list answers at once; the console narrows with the filters. */
    static final int LIST_LIMIT = 500;

    private final DSLContext dsl;

    OrderRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<OrdersRecord> find(DSLContext db, long id, boolean lock) {
        var query = db.selectFrom(ORDERS).where(ORDERS.ID.eq(id));
        return Optional.ofNullable(lock ? query.forUpdate().fetchOne() : query.fetchOne());
    }

    List<OrderView> list(
            @Nullable String status,
            @Nullable List<String> itemsOfCategory,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String q,
            ZoneId zone) {
        Condition where = DSL.trueCondition();
        if (status != null) {
            where = where.and(ORDERS.STATUS.eq(status));
        }
        if (itemsOfCategory != null) {
            where = where.and(DSL.exists(DSL.selectOne()
                    .from(ORDER_ITEM)
                    .where(ORDER_ITEM.ORDER_ID.eq(ORDERS.ID))
                    .and(ORDER_ITEM.ITEM_ID.in(itemsOfCategory))));
        }
        if (from != null) {
            where = where.and(ORDERS.CREATED_AT.ge(from.atStartOfDay(zone).toOffsetDateTime()));
        }
        if (to != null) {
            where = where.and(
                    ORDERS.CREATED_AT.lt(to.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        }
        if (q != null && !q.isBlank()) {
            String like =
                    "%" + q.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
            where = where.and(DSL.lower(ORDERS.REFERENCE)
                    .like(like)
                    .or(DSL.lower(ORDERS.CONTACT_NAME).like(like))
                    .or(DSL.lower(ORDERS.ROOM_NUMBER).like(like))
                    .or(DSL.lower(ORDERS.TABLE_LABEL).like(like)));
        }
        List<OrdersRecord> orders = dsl.selectFrom(ORDERS)
                .where(where)
                .orderBy(ORDERS.CREATED_AT.desc(), ORDERS.ID.desc())
                .limit(LIST_LIMIT)
                .fetch();
        Map<Long, List<OrderView.Item>> items =
                items(dsl, orders.stream().map(OrdersRecord::getId).toList());
        return orders.stream()
                .map(order -> view(order, items.getOrDefault(order.getId(), List.of())))
                .toList();
    }

    /** The lines of each order, in the order they were given. */
    private static Map<Long, List<OrderView.Item>> items(DSLContext db, List<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return db
                .select(
                        ORDER_ITEM.ORDER_ID,
                        ORDER_ITEM.ITEM_ID,
                        ORDER_ITEM.NAME,
                        ORDER_ITEM.QUANTITY,
                        ORDER_ITEM.UNIT_PRICE,
                        ORDERS.CURRENCY)
                .from(ORDER_ITEM)
                .join(ORDERS)
                .on(ORDERS.ID.eq(ORDER_ITEM.ORDER_ID))
                .where(ORDER_ITEM.ORDER_ID.in(orderIds))
                .orderBy(ORDER_ITEM.ID)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(
                        r -> r.value1(),
                        Collectors.mapping(
                                r -> new OrderView.Item(
                                        r.value2(), r.value3(), r.value4(), new Money(r.value5(), r.value6())),
                                Collectors.toList())));
    }

    OrderView view(DSLContext db, OrdersRecord order) {
        return view(order, items(db, List.of(order.getId())).getOrDefault(order.getId(), List.of()));
    }

    static OrderView view(OrdersRecord order, List<OrderView.Item> items) {
        String name = order.getContactName();
        return new OrderView(
                order.getId(),
                order.getReference(),
                items,
                new Money(order.getTotal(), order.getCurrency()),
                order.getStatus(),
                new OrderView.Payment(
                        order.getPaymentMethod(), order.getPaymentStatus(), null, order.getPaymentFailure()),
                order.getRoomNumber(),
                order.getTableLabel(),
                name == null ? null : new ContactDetails(name, order.getContactEmail(), order.getContactPhone()),
                order.getNotes(),
                order.getSource(),
                order.getCreatedAt().withOffsetSameInstant(ZoneOffset.UTC).toInstant(),
                order.getContactId(),
                order.getStayId());
    }

    Folio folio(DSLContext db, BookingRecord stay, String currency) {
        List<OrdersRecord> charged = db.selectFrom(ORDERS)
                .where(ORDERS.STAY_ID.eq(stay.getId()))
                .and(ORDERS.PAYMENT_METHOD.eq("room"))
                .and(ORDERS.STATUS.ne("cancelled"))
                .orderBy(ORDERS.CREATED_AT, ORDERS.ID)
                .fetch();
        Map<Long, List<OrderView.Item>> items =
                items(db, charged.stream().map(OrdersRecord::getId).toList());
        long total = 0;
        long outstanding = 0;
        List<Folio.Charge> charges = new java.util.ArrayList<>();
        for (OrdersRecord order : charged) {
            total = Math.addExact(total, order.getTotal());
            if (!List.of("paid", "refunded").contains(order.getPaymentStatus())) {
                outstanding = Math.addExact(outstanding, order.getTotal());
            }
            String description = items.getOrDefault(order.getId(), List.of()).stream()
                    .map(i -> i.quantity() + " × " + i.name())
                    .collect(Collectors.joining(", "));
            charges.add(new Folio.Charge(
                    order.getId(),
                    order.getReference(),
                    order.getCreatedAt().toInstant(),
                    description,
                    new Money(order.getTotal(), order.getCurrency()),
                    order.getPaymentStatus()));
        }
        return new Folio(
                stay.getId(),
                stay.getRoomNumber(),
                charges,
                new Money(total, currency),
                new Money(outstanding, currency));
    }
}
