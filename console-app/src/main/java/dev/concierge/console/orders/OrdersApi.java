package dev.concierge.console.orders;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.concierge.api.ApiClient;
import dev.concierge.api.OrderUpdate;
import dev.concierge.api.OrderView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The server calls of the order queue; they block, so they run off the FX thread. */
public interface OrdersApi {

    /** {@code GET /api/staff/orders?status=&category=}; null filters are left out. */
    List<OrderView> orders(@Nullable String status, @Nullable String category);

    /** {@code PATCH /api/staff/orders/{id} {"status": ...}}: a 409 when the order cannot make that move. */
    OrderView move(long id, String status);

    /** {@code POST /api/staff/orders/{id}/refund} (manager+; a card order paid through Stripe). */
    OrderView refund(long id);

    static OrdersApi over(ApiClient client) {
        return new OrdersApi() {
            @Override
            public List<OrderView> orders(@Nullable String status, @Nullable String category) {
                List<String> query = new ArrayList<>();
                if (status != null) {
                    query.add("status=" + URLEncoder.encode(status, StandardCharsets.UTF_8));
                }
                if (category != null) {
                    query.add("category=" + URLEncoder.encode(category, StandardCharsets.UTF_8));
                }
                String path = "/api/staff/orders" + (query.isEmpty() ? "" : "?" + String.join("&", query));
                return client.get(path, new TypeReference<List<OrderView>>() {});
            }

            @Override
            public OrderView move(long id, String status) {
                return client.patch("/api/staff/orders/" + id, new OrderUpdate(status, null, null), OrderView.class);
            }

            @Override
            public OrderView refund(long id) {
                return client.post("/api/staff/orders/" + id + "/refund", java.util.Map.of(), OrderView.class);
            }
        };
    }
}
