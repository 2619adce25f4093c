package dev.concierge.assistant;

import dev.concierge.api.OrderRequest;
import dev.concierge.api.OrderView;
import dev.concierge.assistant.local.CatalogMatcher;
import dev.concierge.common.Channel;
import dev.concierge.common.DomainException;
import dev.concierge.order.OrderService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Ordering from the menu: items and quantities, where to bring them, how to pay, and a name for a room charge. */
final class OrderForm implements Form {
    static final String TASK = "order";

    private final OrderService orders;

    OrderForm(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public DialogueState fill(Context c, DialogueState state, @Nullable String asked) {
        DialogueState s = ContactSlots.fill(c, state, asked);
        if (!c.menu.isEmpty()) {
            Map<String, Integer> items = new LinkedHashMap<>(items(s));
            for (CatalogMatcher.Match match : c.menu) {
                items.put(match.id(), match.quantity() == null ? 1 : match.quantity());
            }
            s = s.withSlot(
                    "items",
                    items.entrySet().stream()
                            .map(i -> i.getKey() + ":" + i.getValue())
                            .collect(Collectors.joining(",")));
        }
        if (c.entities.roomNumber() != null) {
            s = s.withSlot("place", "room:" + c.entities.roomNumber());
        } else if ("place".equals(asked) && c.entities.numbers().size() == 1) {
            s = s.withSlot("place", "room:" + c.entities.numbers().get(0));
        }
        String payment = Intents.payment(c.plain, "payment".equals(asked));
        if (!payment.isEmpty()) {
            s = s.withSlot("payment", payment);
        }
        return s;
    }

    @Override
    public @Nullable String asking(Context c, DialogueState state) {
        if (items(state).isEmpty()) {
            return "items";
        }
        if (state.slot("place") == null) {
            return "place";
        }
        if (state.slot("payment") == null) {
            return "payment";
        }
        if ("room".equals(state.slot("payment")) && state.slot("name") == null && c.channel != Channel.CONSOLE) {
            return ContactSlots.NAME;
        }
        return null;
    }

    @Override
    public Turn next(Context c, DialogueState state, @Nullable String missing) {
        if ("items".equals(missing)) {
            List<String> names = c.venue.menu().stream()
                    .map(m -> m.name().in(c.language))
                    .limit(6)
                    .toList();
            return Turn.say(
                    c.say("ask_items", String.join(", ", names)),
                    state,
                    names.stream().limit(4).toArray(String[]::new));
        }
        if ("place".equals(missing)) {
            return Turn.say(c.say("ask_where"), state);
        }
        if ("payment".equals(missing)) {
            return Turn.say(c.say("ask_payment"), state, c.say("pay_room"), c.say("pay_desk"), c.say("pay_card"));
        }
        Turn contact = ContactSlots.ask(c, state, missing);
        if (contact != null) {
            return contact;
        }
        String summary = c.say(
                "confirm_order",
                itemsText(c, state),
                placeText(c, state),
                c.money(total(c, state)),
                paidText(c, state));
        return LocalAssistant.confirm(c, state, summary);
    }

    @Override
    public Turn commit(Context c, DialogueState state) {
        String[] place = Objects.requireNonNull(state.slot("place")).split(":", 2);
        List<OrderRequest.Line> lines = items(state).entrySet().stream()
                .map(i -> new OrderRequest.Line(i.getKey(), i.getValue()))
                .toList();
        try {
            OrderView order = orders.place(
                    new OrderRequest(
                            lines,
                            "room".equals(place[0]) ? place[1] : null,
                            "table".equals(place[0]) ? place[1] : null,
                            new OrderRequest.Payment(paymentMethod(c, state)),
                            state.slot("name") == null ? null : ContactSlots.details(state),
                            null),
                    c.channel,
                    null,
                    state.slot("key"));
            return Turn.done(
                    c.say(
                            "ordered",
                            order.reference(),
                            itemsText(c, state),
                            c.money(order.total().amount()),
                            placeText(c, state)),
                    state,
                    null,
                    order,
                    TASK);
        } catch (DomainException e) {
            String reply = switch (e.code()) {
                case "no_guest_in_room" -> c.say("no_guest_in_room", place[1]);
                case "not_the_guest_in_room" -> c.say("not_the_guest");
                case "not_served_now" -> c.say("not_served", Objects.requireNonNullElse(e.getMessage(), ""));
                default -> Objects.requireNonNullElse(e.getMessage(), "");
            };
            DialogueState retry =
                    e.code().contains("room") ? state.confirming(false).withSlot("payment", null) : state.done();
            return Turn.say(reply, retry, c.say("pay_desk"), c.say("pay_card"));
        }
    }

    static Map<String, Integer> items(DialogueState state) {
        String items = state.slot("items");
        Map<String, Integer> parsed = new LinkedHashMap<>();
        if (items != null && !items.isEmpty()) {
            for (String item : items.split(",")) {
                String[] parts = item.split(":");
                parsed.put(parts[0], Integer.parseInt(parts[1]));
            }
        }
        return parsed;
    }

    private static String itemsText(Context c, DialogueState state) {
        return items(state).entrySet().stream()
                .map(i -> i.getValue() + " × " + c.menuItem(i.getKey()).name().in(c.language))
                .collect(Collectors.joining(", "));
    }

    private static long total(Context c, DialogueState state) {
        long total = 0;
        for (Map.Entry<String, Integer> item : items(state).entrySet()) {
            total = Math.addExact(
                    total, Math.multiplyExact(c.menuItem(item.getKey()).price(), (long) item.getValue()));
        }
        return total;
    }

    private static String placeText(Context c, DialogueState state) {
        String[] parts = Objects.requireNonNull(state.slot("place")).split(":", 2);
        return c.say("room".equals(parts[0]) ? "place_room" : "place_table", parts[1]);
    }

    private static String paidText(Context c, DialogueState state) {
        return c.say("paid_" + paymentMethod(c, state));
    }

    /** At the kiosk a card is paid at the card reader beside it (Stripe Terminal), elsewhere online. */
    private static String paymentMethod(Context c, DialogueState state) {
        String payment = Objects.requireNonNull(state.slot("payment"));
        return c.channel == Channel.KIOSK && payment.equals("card") ? "terminal" : payment;
    }
}
