package dev.concierge.console.sync;

import dev.concierge.api.ApiClient;
import dev.concierge.api.SyncStatus;
import org.jspecify.annotations.Nullable;

/** The server calls of the Sync screen; they block, so they run off the FX thread. */
public interface SyncApi {
    int LIMIT = 200;

    /** {@code GET /api/staff/sync?status=&limit=}: the connectors, and the newest deliveries with that status. */
    SyncStatus status(@Nullable String status);

    /** {@code POST /api/staff/sync/{id}/retry}: delivery {@code id} is tried again now. */
    void retry(long id);

    static SyncApi over(ApiClient client) {
        return new SyncApi() {
            @Override
            public SyncStatus status(@Nullable String status) {
                return client.get(
                        "/api/staff/sync?limit=" + LIMIT + (status == null ? "" : "&status=" + status),
                        SyncStatus.class);
            }

            @Override
            public void retry(long id) {
                client.post("/api/staff/sync/" + id + "/retry", java.util.Map.of(), SyncStatus.class);
            }
        };
    }
}
