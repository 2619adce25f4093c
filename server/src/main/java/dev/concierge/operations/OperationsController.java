package dev.concierge.operations;

import dev.concierge.api.Health;
import dev.concierge.storage.Database;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/health} for monitors and the console, {@code GET /metrics} for Prometheus. */
public final class OperationsController {
    private final Database database;
    private final PrometheusMeterRegistry metrics;
    private final String version;
    private final Supplier<Map<String, String>> integrations;
    private final Supplier<Health.Outbox> outbox;
    private final Storage storage;
    private final Supplier<Health.ClockCheck> clock;

    /**
     * Where the data lives: the data directory's disk and the newest backup's time (absent when none was made, or
     * on PostgreSQL).
     */
    public record Storage(Path dataDir, Supplier<@Nullable Instant> lastBackupAt) {
        @Nullable
        Long freeBytes() {
            try {
                return Files.getFileStore(dataDir).getUsableSpace();
            } catch (IOException e) {
                return null;
            }
        }
    }

    public OperationsController(
            Database database,
            PrometheusMeterRegistry metrics,
            String version,
            Supplier<Map<String, String>> integrations,
            Supplier<Health.Outbox> outbox,
            Storage storage,
            Supplier<Health.ClockCheck> clock) {
        this.storage = storage;
        this.clock = clock;
        this.database = database;
        this.metrics = metrics;
        this.version = version;
        this.integrations = integrations;
        this.outbox = outbox;
        // the outbox's backlog for Prometheus, read when scraped
        Gauge.builder("concierge_outbox_pending", () -> outbox.get().pending())
                .description("Deliveries to outside services not made yet")
                .register(metrics);
        Gauge.builder("concierge_outbox_dead", () -> outbox.get().dead())
                .description("Deliveries that failed for good and wait for staff")
                .register(metrics);
        Gauge.builder("concierge_outbox_oldest_pending_seconds", () -> {
                    Long age = outbox.get().oldestPendingSeconds();
                    return age == null ? 0 : age;
                })
                .description("How long the oldest pending delivery has waited")
                .register(metrics);
        Gauge.builder("concierge_data_disk_free_bytes", () -> {
                    Long free = storage.freeBytes();
                    return free == null ? Double.NaN : free;
                })
                .description("Space left on the disk of the data directory")
                .register(metrics);
        Gauge.builder("concierge_last_backup_age_seconds", () -> {
                    Instant last = storage.lastBackupAt().get();
                    return last == null
                            ? Double.NaN
                            : Duration.between(last, Instant.now()).toSeconds();
                })
                .description("How long ago the newest backup of the data directory was made (NaN before the first)")
                .register(metrics);
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

    /** What {@code GET /api/health} answers now. */
    public Health health() {
        boolean databaseUp = database.isHealthy();
        if (!databaseUp) {
            return new Health(
                    "down",
                    version,
                    "down",
                    integrations.get(),
                    Health.Outbox.EMPTY,
                    null,
                    storage.freeBytes(),
                    clock.get());
        }
        return new Health(
                "ok",
                version,
                "up",
                integrations.get(),
                outbox.get(),
                storage.lastBackupAt().get(),
                storage.freeBytes(),
                clock.get());
    }
}
