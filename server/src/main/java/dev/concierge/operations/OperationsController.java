package dev.concierge.operations;

import dev.concierge.api.Health;
import dev.concierge.storage.Database;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /api/health} for monitors and the console, {@code GET /metrics} for Prometheus. */
public final class OperationsController {
    private final Database database;
    private final PrometheusMeterRegistry metrics;
    private final String version;
    private final Supplier<Map<String, String>> integrations;

    public OperationsController(
            Database database,
            PrometheusMeterRegistry metrics,
            String version,
            Supplier<Map<String, String>> integrations) {
        this.database = database;
        this.metrics = metrics;
        this.version = version;
        this.integrations = integrations;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/health", ctx -> {
            Health health = health();
            ctx.status("ok".equals(health.status()) ? 200 : 503).json(health);
        });
        routes.get(
                "/metrics",
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
    }

    Health health() {
        boolean databaseUp = database.isHealthy();
        return new Health(databaseUp ? "ok" : "down", version, databaseUp ? "up" : "down", integrations.get());
    }
}
