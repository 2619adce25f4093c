package dev.concierge.bench;

import dev.concierge.api.ApiClient;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.testing.LocalPostgres;
import dev.concierge.testing.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The server scaled out: the chat load of {@link ChatLoad} and a load of availability queries, each against one
 * instance on the embedded H2, one on PostgreSQL, and two on one PostgreSQL (requests split evenly between them, as a
 * round-robin proxy would). PostgreSQL is a real server from the Debian package, durable as a venue runs it (fsync on),
 * started here by {@link LocalPostgres}. Prints requests/s, p99 and the CPU each part used per request; runs by
 * {@code bench/scale-out.sh}, and docs/benchmarks.md ("Scale-out") says how to read it.
 */
public final class ScaleOut {
    private static final Pattern MANAGER =
            Pattern.compile("^\\s*manager\\s+(\\S+@\\S+)\\s+(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The week of the demo hotel's chat scripts: availability is asked for each of its days in turn. */
    private static final List<String> DAYS =
            List.of("2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-14", "2026-03-15", "2026-03-16");

    /** One of the set-ups measured. */
    record Setup(String name, boolean postgres, int instances) {}

    /** What one load did against one set-up. */
    record Result(
            String setup,
            String load,
            long requests,
            double seconds,
            double p50Millis,
            double p99Millis,
            double serverCpuMillisPerRequest,
            double postgresCpuMillisPerRequest,
            String answers) {
        double perSecond() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = 64;
        int warmup = 10;
        int seconds = 30;
        Path jar = Path.of("server/target/concierge-server.jar");
        String only = "";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--jar" -> jar = Path.of(args[i + 1]);
                case "--only" -> only = args[i + 1];
                default ->
                    throw new IllegalArgumentException(
                            "usage: ScaleOut [--clients 64] [--warmup 10] [--seconds 30] [--jar server/target/…]"
                                    + " [--only h2|postgresql]");
            }
        }
        List<Setup> setups = List.of(
                new Setup("1 × H2", false, 1),
                new Setup("1 × PostgreSQL", true, 1),
                new Setup("2 × PostgreSQL", true, 2));
        String chosen = only;
        setups = setups.stream()
                .filter(setup -> chosen.isEmpty() || setup.postgres() == chosen.equals("postgresql"))
                .toList();
        List<Result> results = new ArrayList<>();
        try (LocalPostgres postgres = LocalPostgres.start(true)) {
            for (Setup setup : setups) {
                results.addAll(measure(setup, postgres, jar, clients, warmup, seconds));
            }
        }
        System.out.println();
        System.out.println(
                "| set-up | load | requests/s | p50 ms | p99 ms | server CPU ms/request | PostgreSQL CPU ms/request |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %,.0f | %.1f | %.1f | %.2f | %s |%n",
                    r.setup(),
                    r.load(),
                    r.perSecond(),
                    r.p50Millis(),
                    r.p99Millis(),
                    r.serverCpuMillisPerRequest(),
                    r.postgresCpuMillisPerRequest() < 0
                            ? "—"
                            : String.format(Locale.ROOT, "%.2f", r.postgresCpuMillisPerRequest()));
        }
        for (Result r : results) {
            System.out.println(r.setup() + ", " + r.load() + ": answers " + r.answers());
        }
    }

    private static List<Result> measure(
            Setup setup, LocalPostgres postgres, Path jar, int clients, int warmup, int seconds) throws Exception {
        LocalPostgres.@Nullable Db db = setup.postgres() ? postgres.newDatabase() : null;
        List<ServerProcess> instances = new ArrayList<>();
        try {
            for (int i = 0; i < setup.instances(); i++) {
                // one after the other: the first creates the schema and the demo hotel, the next finds them
                instances.add(startDemo(jar, db, "scale-out"));
            }
            String key = websiteKey(instances.get(0));
            List<URI> bases = instances.stream().map(ServerProcess::uri).toList();
            System.out.printf(Locale.ROOT, "%s: %s%n", setup.name(), bases);
            Result chat = run(
                    setup,
                    "chat turns",
                    instances,
                    postgres,
                    db != null,
                    clients,
                    warmup,
                    seconds,
                    (n, from, to, statuses) -> {
                        ChatLoad.Guest guest = new ChatLoad.Guest(
                                n,
                                http(),
                                bases.get(n % bases.size()).resolve("/api/chat"),
                                key,
                                from,
                                to,
                                Long.MAX_VALUE,
                                new LongAdder(),
                                statuses);
                        return new Client() {
                            @Override
                            public void run() {
                                guest.run();
                            }

                            @Override
                            public ChatLoad.Latencies latencies() {
                                return guest.latencies;
                            }
                        };
                    });
            Result availability = run(
                    setup,
                    "availability",
                    instances,
                    postgres,
                    db != null,
                    clients,
                    warmup,
                    seconds,
                    (n, from, to, statuses) ->
                            new AvailabilityClient(n, bases.get(n % bases.size()), key, from, to, statuses));
            return List.of(chat, availability);
        } finally {
            for (int i = 0; i < instances.size(); i++) {
                Path log = stopAndKeepLog(
                        instances.get(i), "scale-out-" + setup.name().replaceAll("\\W+", "") + "-" + i);
                System.out.println("  log: " + log);
            }
        }
    }

    /** Starts the server jar with the demo venue on a new data dir ({@code prefix}…), on {@code db} when given. */
    static ServerProcess startDemo(Path jar, LocalPostgres.@Nullable Db db, String prefix) throws IOException {
        Path data = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), prefix);
        return ServerProcess.startJar(jar, environment(db), "--demo", "--port", "0", "--data", data.toString());
    }

    /**
     * Stops {@code instance} and writes its log beside the other benchmarks' output ({@code name}.log), for the
     * errors a run counted.
     */
    static Path stopAndKeepLog(ServerProcess instance, String name) throws IOException {
        instance.stop(Duration.ofSeconds(30));
        Path log = Path.of(System.getProperty("java.io.tmpdir")).resolve(name + ".log");
        Files.writeString(log, instance.output());
        return log;
    }

    /** A new website key, made through {@code server} as its demo manager (who printed the password at start). */
    static String websiteKey(ServerProcess server) {
        Matcher manager = MANAGER.matcher(server.output());
        if (!manager.find()) {
            throw new IllegalStateException("no demo manager account in the server's output:\n" + server.output());
        }
        ApiClient desk = ApiClient.of(server.uri());
        return desk.withStaffToken(
                        desk.login(manager.group(1), manager.group(2)).token())
                .createPublicKey(new PublicKeyRequest("bench", List.of()))
                .key();
    }

    /** The environment of a benchmarked instance, on {@code db} when given (else the embedded H2). */
    static Map<String, String> environment(LocalPostgres.@Nullable Db db) {
        Map<String, String> environment = new HashMap<>();
        environment.put("CONCIERGE_NOW", ChatScripts.NOW);
        // one address plays every guest: far past the limits per address and conversation, which are for the internet
        environment.put("RATE_LIMIT_MAX_REQUESTS", "100000000");
        environment.put("RATE_LIMIT_CONVERSATION_MESSAGES", "100000000");
        // the instances share the key that seals stored integration settings, as a venue group's must
        environment.put("CONCIERGE_SECRET_KEY", "c2NhbGUtb3V0LWJlbmNobWFyay1zZWNyZXQta2V5ISE=");
        if (db != null) {
            environment.put("CONCIERGE_DB_URL", db.url());
            environment.put("CONCIERGE_DB_USER", db.user());
            environment.put("CONCIERGE_DB_PASSWORD", db.password());
        }
        return environment;
    }

    /** Makes the {@code n}th client of a load, measuring between the two {@link System#nanoTime()} moments. */
    @FunctionalInterface
    interface Clients {
        Client make(int n, long measureFrom, long stopAt, ChatLoad.Statuses statuses);
    }

    /** A client of a load: runs until its stop time, keeping its measured latencies. */
    interface Client extends Runnable {
        ChatLoad.Latencies latencies();
    }

    private static Result run(
            Setup setup,
            String load,
            List<ServerProcess> instances,
            LocalPostgres postgres,
            boolean onPostgres,
            int clients,
            int warmup,
            int seconds,
            Clients make)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long stopAt = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        List<Client> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        ChatLoad.Statuses statuses = new ChatLoad.Statuses();
        for (int i = 0; i < clients; i++) {
            Client client = make.make(i, measureFrom, stopAt, statuses);
            all.add(client);
            Thread thread = new Thread(client, load + "-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(Math.max(0, measureFrom - System.nanoTime())));
        Duration serverCpuAtStart = cpu(instances);
        Duration postgresCpuAtStart = onPostgres ? postgres.cpu() : Duration.ZERO;
        long joinDeadline = stopAt + REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(5);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinDeadline - System.nanoTime())));
        }
        double measured = (Math.min(System.nanoTime(), stopAt) - measureFrom) / 1e9;
        double serverCpu = cpu(instances).minus(serverCpuAtStart).toNanos() / 1e6;
        double postgresCpu =
                onPostgres ? postgres.cpu().minus(postgresCpuAtStart).toNanos() / 1e6 : -1;
        long[] latencies =
                ChatLoad.Latencies.sorted(all.stream().map(Client::latencies).toList());
        int count = latencies.length;
        Result result = new Result(
                setup.name(),
                load,
                count,
                measured,
                percentile(latencies, 0.50),
                percentile(latencies, 0.99),
                count == 0 ? 0 : serverCpu / count,
                postgresCpu < 0 || count == 0 ? -1 : postgresCpu / count,
                statuses.describe());
        System.out.printf(
                Locale.ROOT,
                "  %s: %,.0f/s, p50 %.1f ms, p99 %.1f ms%n",
                load,
                result.perSecond(),
                result.p50Millis(),
                result.p99Millis());
        return result;
    }

    static Duration cpu(List<ServerProcess> instances) {
        return instances.stream()
                .map(i -> i.handle().info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    static HttpClient http() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A website asking for the spa's free times, day after day of the demo week, as fast as it is answered. */
    static final class AvailabilityClient implements Client {
        private final int number;
        private final HttpClient http = http();
        private final URI base;
        private final String key;
        private final long measureFrom;
        private final long stopAt;
        private final ChatLoad.Latencies latencies = new ChatLoad.Latencies();
        private final ChatLoad.Statuses statuses;

        AvailabilityClient(
                int number, URI base, String key, long measureFrom, long stopAt, ChatLoad.Statuses statuses) {
            this.number = number;
            this.statuses = statuses;
            this.base = base;
            this.key = key;
            this.measureFrom = measureFrom;
            this.stopAt = stopAt;
        }

        @Override
        public void run() {
            int day = number % DAYS.size();
            while (System.nanoTime() < stopAt) {
                HttpRequest request = HttpRequest.newBuilder(
                                base.resolve("/api/availability?service=massage-60&date=" + DAYS.get(day)))
                        .timeout(REQUEST_TIMEOUT)
                        .header("X-Concierge-Key", key)
                        .GET()
                        .build();
                long started = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    statuses.count(Integer.toString(response.statusCode()));
                } catch (IOException e) {
                    statuses.count(e.getClass().getSimpleName());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long ended = System.nanoTime();
                if (started >= measureFrom && ended <= stopAt) {
                    latencies.add(ended - started);
                }
                day = (day + 1) % DAYS.size();
            }
        }

        @Override
        public ChatLoad.Latencies latencies() {
            return latencies;
        }
    }

    private ScaleOut() {}
}
