package dev.concierge.console.orders;

import dev.concierge.api.OrderView;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.Texts;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The live order queue: asked for again every few seconds without losing the selected order; the selected order moves
 * one step with one key, or is cancelled after a confirmation.
 */
public final class OrdersViewModel {
    /** The status filter's choices; {@link #ALL} asks for every status. */
    public static final String ALL = "all";

    public static final List<String> STATUS_FILTERS =
            List.of(ALL, "new", "accepted", "preparing", "delivered", "cancelled");

    private static final Comparator<OrderRow> QUEUE =
            Comparator.comparingInt(OrderRow::stage).thenComparingLong(OrderRow::id);

    private final Texts texts;
    private final OrdersApi api;
    private final ZoneId zone;
    private final boolean mayRefund;
    private final List<String> categories;
    private final ServerCalls calls;

    private final ObservableList<OrderRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable OrderRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty statusFilter = new SimpleStringProperty(this, "statusFilter", ALL);
    private final StringProperty category = new SimpleStringProperty(this, "category", "");
    private final ReadOnlyObjectWrapper<@Nullable OrderRow> cancelling =
            new ReadOnlyObjectWrapper<>(this, "cancelling");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing");
    private boolean askAgain;

    /**
     * @param mayRefund whether the signed-in role may ask for refunds (manager and owner)
     * @param categories the menu's categories ({@code GET /api/venue}), the category filter's choices
     */
    public OrdersViewModel(
            Texts texts, OrdersApi api, ZoneId zone, boolean mayRefund, List<String> categories, ServerCalls calls) {
        this.texts = texts;
        this.api = api;
        this.zone = zone;
        this.mayRefund = mayRefund;
        this.categories = List.copyOf(categories);
        this.calls = calls;
        statusFilter.addListener((observable, before, now) -> refresh());
        category.addListener((observable, before, now) -> refresh());
    }

    /**
     * Asks the server for the queue with the filters set. While an answer is awaited a second call only asks again
     * once it has come, so a slow server is not asked over and over.
     */
    public void refresh() {
        if (refreshing.get()) {
            askAgain = true;
            return;
        }
        refreshing.set(true);
        String status = ALL.equals(statusFilter.get()) ? null : statusFilter.get();
        String wanted = category.get().strip();
        calls.call(() -> api.orders(status, wanted.isEmpty() ? null : wanted), this::show, this::failedToLoad);
    }

    private void show(List<OrderView> orders) {
        @Nullable OrderRow keep = selected.get();
        List<OrderRow> fresh = orders.stream()
                .map(order -> OrderRow.of(order, zone, texts))
                .sorted(QUEUE)
                .toList();
        if (!rows.equals(fresh)) {
            rows.setAll(fresh);
        }
        selected.set(keep == null ? null : find(keep.id()).orElse(null));
        problem.set("");
        answered();
    }

    private void failedToLoad(String why) {
        problem.set(texts.get("orders.notLoaded", why));
        answered();
    }

    private void answered() {
        refreshing.set(false);
        if (askAgain) {
            askAgain = false;
            refresh();
        }
    }

    private Optional<OrderRow> find(long id) {
        return rows.stream().filter(row -> row.id() == id).findFirst();
    }

    /** Moves the selected order one step along new → accepted → preparing → delivered. */
    public void advanceSelected() {
        OrderRow row = selected.get();
        if (row == null) {
            problem.set(texts.get("orders.selectFirst"));
            return;
        }
        Optional<String> next = row.nextStatus();
        if (next.isEmpty()) {
            problem.set(texts.get("orders.noNextStep", row.reference(), status(row.status())));
            return;
        }
        move(row, next.get(), texts.get("orders.nowIs", row.reference(), status(next.get())));
    }

    /** Asks to confirm cancelling the selected order; {@link #confirmCancel} or {@link #keepOrder} answer. */
    public void askToCancel() {
        OrderRow row = selected.get();
        if (row == null) {
            problem.set(texts.get("orders.selectFirst"));
            return;
        }
        if (!row.cancellable()) {
            problem.set(texts.get("orders.notCancellable", row.reference(), status(row.status())));
            return;
        }
        problem.set("");
        cancelling.set(row);
    }

    public void confirmCancel() {
        OrderRow row = cancelling.get();
        if (row == null) {
            return;
        }
        cancelling.set(null);
        move(row, "cancelled", texts.get("orders.cancelled", row.reference()));
    }

    public void keepOrder() {
        cancelling.set(null);
    }

    /** Asks for a refund of the selected card order (manager and owner; the server checks it was paid by card). */
    public void refundSelected() {
        OrderRow row = selected.get();
        if (row == null) {
            problem.set(texts.get("orders.selectFirst"));
            return;
        }
        if (!mayRefund) {
            problem.set(texts.get("orders.refundRole"));
            return;
        }
        if (!row.refundable()) {
            problem.set(texts.get("orders.notRefundable", row.reference(), row.payment(texts)));
            return;
        }
        notice.set("");
        calls.call(
                () -> api.refund(row.id()),
                order -> done(order, texts.get("orders.refunding", row.reference())),
                problem::set);
    }

    private void move(OrderRow row, String status, String success) {
        notice.set("");
        problem.set("");
        calls.call(() -> api.move(row.id(), status), order -> done(order, success), problem::set);
    }

    private void done(OrderView order, String success) {
        OrderRow updated = OrderRow.of(order, zone, texts);
        boolean wasSelected = selected.get() != null && selected.get().id() == updated.id();
        find(updated.id()).ifPresent(old -> rows.set(rows.indexOf(old), updated));
        if (wasSelected) {
            selected.set(updated);
        }
        notice.set(success);
        refresh();
    }

    /** An order's status as a person reads it: "preparing", "en preparación". */
    String status(String apiName) {
        return texts.word("order.status", apiName);
    }

    public Texts texts() {
        return texts;
    }

    public boolean mayRefund() {
        return mayRefund;
    }

    public ObservableList<OrderRow> rows() {
        return rows;
    }

    public ObjectProperty<@Nullable OrderRow> selectedProperty() {
        return selected;
    }

    public @Nullable OrderRow getSelected() {
        return selected.get();
    }

    /** Selects the order with {@code id} if the queue shows it. */
    public void select(long id) {
        find(id).ifPresent(selected::set);
    }

    public StringProperty statusFilterProperty() {
        return statusFilter;
    }

    /** A menu category's id, e.g. {@code room-service}; blank for every category. A change asks the server again. */
    public StringProperty categoryProperty() {
        return category;
    }

    /** The category filter's choices: blank (every category), then the menu's categories. */
    public List<String> categoryChoices() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(""), categories.stream())
                .toList();
    }

    public ReadOnlyObjectProperty<@Nullable OrderRow> cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public String getNotice() {
        return notice.get();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String getProblem() {
        return problem.get();
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }
}
