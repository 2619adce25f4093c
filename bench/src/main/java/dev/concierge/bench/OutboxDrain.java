package dev.concierge.bench;

import com.sun.net.httpserver.HttpServer;
import dev.concierge.api.ApiJson;
import dev.concierge.integration.n8n.N8nWebhooks;
import dev.concierge.outbox.Connector;
import dev.concierge.outbox.OutboxRepository;
import dev.concierge.outbox.OutboxWorker;
import dev.concierge.outbox.SyncService;
import dev.concierge.storage.Database;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drains an outbox of 10,000 events into a local webhook receiver that answers at once, with the server's own
 * worker, connector and embedded database: 2,500 bookings of four events each (created, changed twice, cancelled),
 * so the per-booking order is kept as in production. A second run lets 1 % of the calls fail with a 503. Runs by
 * {@code bench/outbox-drain.sh}; docs/benchmarks.md says how to read it.
 */
public final class OutboxDrain {
    private static final int BOOKINGS = 2_500;
    private static final List<String> LIFE =
            List.of("booking.created", "booking.changed", "booking.changed", "booking.cancelled");

    private OutboxDrain() {}

    public static void main(String[] args) throws Exception {
        double failing = args.length > 0 ? Double.parseDouble(args[0]) : 0.0;
        Duration retryBase = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 2_000);
        for (double share : failing > 0 ? List.of(0.0, failing) : List.of(0.0)) {
            run(share, retryBase);
        }
    }

    private static void run(double failingShare, Duration retryBase) throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "outbox-drain");
        LongAdder calls = new LongAdder();
        LongAdder refused = new LongAdder();
        SplittableRandom dice = new SplittableRandom(42);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        ExecutorService receiverThreads = Executors.newFixedThreadPool(4);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                calls.increment();
                boolean fail;
                synchronized (dice) {
                    fail = dice.nextDouble() < failingShare;
                }
                if (fail) {
                    refused.increment();
                }
                exchange.sendResponseHeaders(fail ? 503 : 204, -1);
            }
        });
        receiver.start();
        Database database = Database.open(dir, null, null, null);
        try {
            Clock wall = Clock.systemUTC();
            var json = ApiJson.newMapper();
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            Connector n8n = N8nWebhooks.fromSettings(
                            "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhook",
                            "whsec_" + Base64.getEncoder().encodeToString(key),
                            json,
                            wall,
                            "bench")
                    .orElseThrow();
            OutboxRepository outbox = new OutboxRepository(json, List.of(n8n.subscription()), wall);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            long writing = System.nanoTime();
            // written in batches of 100 bookings per transaction: the benchmark is the drain, not the writes
            for (int from = 0; from < BOOKINGS; from += 100) {
                int start = from;
                database.dsl().transaction(tx -> {
                    for (int b = start; b < start + 100; b++) {
                        String reference = String.format(Locale.ROOT, "MR-%05d", b);
                        for (int v = 0; v < LIFE.size(); v++) {
                            outbox.write(
                                    tx.dsl(),
                                    LIFE.get(v),
                                    reference,
                                    v + 1,
                                    Map.of("reference", reference, "status", LIFE.get(v), "partySize", 2),
                                    now);
                        }
                    }
                });
            }
            int events = BOOKINGS * LIFE.size();
            System.out.printf(Locale.ROOT, "wrote %,d events in %.1f s%n", events, (System.nanoTime() - writing) / 1e9);
            OutboxWorker worker = new OutboxWorker(
                    database.dsl(),
                    outbox,
                    List.of(n8n),
                    OutboxWorker.backoff(retryBase, Duration.ofMinutes(15)),
                    8,
                    Duration.ofMillis(250));
            SyncService sync = new SyncService(database.dsl(), outbox, List.of(n8n.name()), worker::nudge, wall);
            long cpuBefore = processCpuNanos();
            long started = System.nanoTime();
            worker.start();
            while (sync.totals().pending() > 0) {
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (processCpuNanos() - cpuBefore) / 1e6;
            worker.close();
            System.out.printf(
                    Locale.ROOT,
                    "failing %.1f %%: drained %,d events in %.2f s = %,.0f deliveries/s; %,d calls (%,d answered 503),"
                            + " CPU %.2f ms per event (worker, database and receiver in one process)%n",
                    failingShare * 100,
                    events,
                    seconds,
                    events / seconds,
                    calls.sum(),
                    refused.sum(),
                    cpu / events);
        } finally {
            database.close();
            receiver.stop(0);
            receiverThreads.shutdownNow();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + dir + ": " + e);
            }
        }
    }

    private static long processCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
    }
}
