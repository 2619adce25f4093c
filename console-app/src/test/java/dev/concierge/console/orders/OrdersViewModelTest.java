package dev.concierge.console.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiError;
import dev.concierge.api.ApiException;
import dev.concierge.api.Money;
import dev.concierge.api.OrderView;
import dev.concierge.console.ServerCalls;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class OrdersViewModelTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private final FakeOrders server = new FakeOrders();
    private final ServerCalls calls = new ServerCalls(Runnable::run, Runnable::run, () -> {});

    @Test
    void showsEachOrderWrittenForAPersonNewestStepsFirst() {
        server.add(order(1, "MR-AAAA", "delivered", "room", "paid", "204", null));
        server.add(order(2, "MR-BBBB", "new", "card", "unpaid", null, "7"));
        OrdersViewModel model = model(false);

        model.refresh();

        assertEquals(List.of("MR-BBBB", "MR-AAAA"), references(model));
        OrderRow row = model.rows().get(0);
        assertEquals("10:05", row.time(), "09:05 UTC is 10:05 in Madrid in March");
        assertEquals("2 × Club sandwich, 1 × Coffee", row.items());
        assertEquals("Table 7", row.place());
        assertEquals("31.40 EUR", row.total());
        assertEquals("card · unpaid", row.payment());
        assertEquals("Room 204", model.rows().get(1).place());
    }

    @Test
    void aRefreshKeepsTheSelectedOrderSelected() {
        server.add(order(1, "MR-AAAA", "new", "desk", "unpaid", "101", null));
        server.add(order(2, "MR-BBBB", "new", "desk", "unpaid", "102", null));
        OrdersViewModel model = model(false);
        model.refresh();
        model.select(2);

        server.add(order(3, "MR-CCCC", "new", "desk", "unpaid", "103", null));
        server.orders.put(2L, withStatus(server.orders.get(2L), "accepted"));
        model.refresh();

        OrderRow selected = model.getSelected();
        assertEquals("MR-BBBB", selected == null ? null : selected.reference());
        assertEquals("accepted", selected == null ? null : selected.status(), "the selection shows the fresh order");
    }

    @Test
    void oneKeyMovesTheSelectedOrderOneStep() {
        server.add(order(1, "MR-AAAA", "new", "desk", "unpaid", "101", null));
        OrdersViewModel model = model(false);
        model.refresh();
        model.select(1);

        model.advanceSelected();
        assertEquals("accepted", server.orders.get(1L).status());
        assertEquals("MR-AAAA is now accepted.", model.getNotice());
        model.advanceSelected();
        model.advanceSelected();

        assertEquals("delivered", server.orders.get(1L).status());
        assertEquals(List.of("accepted", "preparing", "delivered"), server.moves);
        model.advanceSelected();
        assertEquals("MR-AAAA is delivered: there is no next step.", model.getProblem());
        assertEquals(3, server.moves.size());
    }

    @Test
    void aConflictFromTheServerIsShownInPlainWords() {
        server.add(order(1, "MR-AAAA", "new", "desk", "unpaid", "101", null));
        OrdersViewModel model = model(false);
        model.refresh();
        model.select(1);
        server.orders.put(1L, withStatus(server.orders.get(1L), "cancelled")); // cancelled at another desk

        model.advanceSelected();

        assertEquals("An order that is cancelled cannot become accepted.", model.getProblem());
    }

    @Test
    void cancellingAsksFirst() {
        server.add(order(1, "MR-AAAA", "preparing", "desk", "unpaid", "101", null));
        OrdersViewModel model = model(false);
        model.refresh();
        model.select(1);

        model.askToCancel();
        OrderRow asked = model.cancellingProperty().get();
        assertEquals("MR-AAAA", asked == null ? null : asked.reference());
        assertTrue(server.moves.isEmpty(), "nothing is cancelled before the confirmation");
        model.keepOrder();
        assertNull(model.cancellingProperty().get());
        assertTrue(server.moves.isEmpty());

        model.askToCancel();
        model.confirmCancel();
        assertEquals("cancelled", server.orders.get(1L).status());
        assertEquals("MR-AAAA is cancelled.", model.getNotice());
    }

    @Test
    void aDeliveredOrderCannotBeCancelled() {
        server.add(order(1, "MR-AAAA", "delivered", "desk", "unpaid", "101", null));
        OrdersViewModel model = model(false);
        model.refresh();
        model.select(1);

        model.askToCancel();

        assertNull(model.cancellingProperty().get());
        assertEquals("MR-AAAA is delivered and can no longer be cancelled.", model.getProblem());
    }

    @Test
    void theFiltersGoToTheServer() {
        OrdersViewModel model = model(false);

        model.categoryProperty().set(" bar ");
        model.statusFilterProperty().set("preparing");

        assertEquals("preparing", server.askedStatus);
        assertEquals("bar", server.askedCategory);
        model.statusFilterProperty().set(OrdersViewModel.ALL);
        model.categoryProperty().set("");
        model.refresh();
        assertNull(server.askedStatus);
        assertNull(server.askedCategory);
    }

    @Test
    void theCategoryFilterOffersTheMenusCategories() {
        OrdersViewModel model = model(false);

        assertEquals(List.of("", "room-service", "bar"), model.categoryChoices(), "blank: every category");
        model.categoryProperty().set("bar");

        assertEquals("bar", server.askedCategory, "a choice asks at once");
    }

    @Test
    void aSlowServerIsNotAskedAgainBeforeItAnswers() {
        Queue<Runnable> background = new ArrayDeque<>();
        OrdersViewModel model = new OrdersViewModel(
                dev.concierge.console.Texts.english(),
                server,
                MADRID,
                false,
                List.of(),
                new ServerCalls(background::add, Runnable::run, () -> {}));

        model.refresh();
        model.refresh();
        model.refresh();
        assertEquals(1, background.size());

        background.poll().run();
        assertEquals(1, background.size(), "one more refresh, for the calls made meanwhile");
    }

    @Test
    void onlyAManagerRefundsAndOnlyAPaidCardOrder() {
        server.add(order(1, "MR-AAAA", "delivered", "card", "paid", "101", null));
        server.add(order(2, "MR-BBBB", "delivered", "room", "paid", "101", null));
        OrdersViewModel desk = model(false);
        desk.refresh();
        desk.select(1);
        desk.refundSelected();
        assertEquals("Only a manager or the owner can refund an order.", desk.getProblem());

        OrdersViewModel manager = model(true);
        manager.refresh();
        manager.select(2);
        manager.refundSelected();
        assertEquals("Only a card order that is paid can be refunded; MR-BBBB is room · paid.", manager.getProblem());
        manager.select(1);
        manager.refundSelected();
        assertEquals(List.of(1L), server.refunds);
        assertEquals("The refund of MR-AAAA is on its way.", manager.getNotice());
    }

    private OrdersViewModel model(boolean mayRefund) {
        return new OrdersViewModel(
                dev.concierge.console.Texts.english(),
                server,
                MADRID,
                mayRefund,
                List.of("room-service", "bar"),
                calls);
    }

    private static List<String> references(OrdersViewModel model) {
        return model.rows().stream().map(OrderRow::reference).toList();
    }

    static OrderView order(
            long id,
            String reference,
            String status,
            String method,
            String paid,
            @Nullable String room,
            @Nullable String table) {
        return new OrderView(
                id,
                reference,
                List.of(
                        new OrderView.Item("club-sandwich", "Club sandwich", 2, new Money(1450, "EUR")),
                        new OrderView.Item("coffee", "Coffee", 1, new Money(240, "EUR"))),
                new Money(3140, "EUR"),
                status,
                new OrderView.Payment(method, paid, null),
                room,
                table,
                null,
                null,
                "console",
                Instant.parse("2026-03-10T09:05:00Z").plusSeconds(id),
                null,
                null);
    }

    static OrderView withStatus(OrderView order, String status) {
        return new OrderView(
                order.id(),
                order.reference(),
                order.items(),
                order.total(),
                status,
                order.payment(),
                order.roomNumber(),
                order.table(),
                order.contact(),
                order.notes(),
                order.source(),
                order.createdAt(),
                order.contactId(),
                order.stayId());
    }

    /** The server's order rules, as far as the queue needs them: one step at a time, cancel before delivery. */
    private static final class FakeOrders implements OrdersApi {
        private static final Map<String, List<String>> MOVES = Map.of(
                "new", List.of("accepted", "cancelled"),
                "accepted", List.of("preparing", "cancelled"),
                "preparing", List.of("delivered", "cancelled"));

        final Map<Long, OrderView> orders = new LinkedHashMap<>();
        final List<String> moves = new ArrayList<>();
        final List<Long> refunds = new ArrayList<>();

        @Nullable
        String askedStatus;

        @Nullable
        String askedCategory;

        void add(OrderView order) {
            orders.put(order.id(), order);
        }

        @Override
        public List<OrderView> orders(@Nullable String status, @Nullable String category) {
            askedStatus = status;
            askedCategory = category;
            return orders.values().stream()
                    .filter(order -> status == null || order.status().equals(status))
                    .toList();
        }

        @Override
        public OrderView move(long id, String status) {
            OrderView order = orders.get(id);
            if (!MOVES.getOrDefault(order.status(), List.of()).contains(status)) {
                throw new ApiException(
                        409,
                        ApiError.of(
                                "illegal_transition",
                                "An order that is " + order.status() + " cannot become " + status + "."));
            }
            moves.add(status);
            OrderView moved = withStatus(order, status);
            orders.put(id, moved);
            return moved;
        }

        @Override
        public OrderView refund(long id) {
            refunds.add(id);
            return orders.get(id);
        }
    }
}
