package dev.concierge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.api.ApiClient;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.testing.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The assistant over HTTP under load: many guests chatting at once with a real server, each replaying
 * {@link ChatScripts} turn by turn through {@code POST /api/chat}, as fast as the server answers. Prints turns per
 * second, latency percentiles and the answers by status. Runs by {@code bench/chat-load.sh}; docs/benchmarks.md says
 * how to read it.
 *
 * <p>By default it starts {@code java -jar server/target/concierge-server.jar --demo} on a free loopback port, on an
 * empty data directory under {@code java.io.tmpdir}, with the clock frozen at {@link ChatScripts#NOW}, logs in as the
 * demo manager and creates a public key; {@code --target URL --key KEY} drives a server already running instead. All
 * traffic goes to 127.0.0.1. It stops by itself: after the warm-up and the measured time, or after {@code --max-turns}.
 */
public final class ChatLoad {
    private static final Pattern RUNNING = Pattern.compile("Concierge is running at http://[^:/]+:(\\d+)");
    private static final Pattern MANAGER =
            Pattern.compile("^\\s*manager\\s+(\\S+@\\S+)\\s+(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** What the command line asked for. */
    record Options(
            int conversations,
            int warmupSeconds,
            int seconds,
            long maxTurns,
            Path jar,
            List<String> serverJvm,
            @Nullable URI target,
            @Nullable String key) {
        static Options parse(String[] args) {
            int conversations = 64;
            int warmup = 10;
            int seconds = 30;
            long maxTurns = 5_000_000;
            Path jar = Path.of("server/target/concierge-server.jar");
            List<String> serverJvm = new ArrayList<>();
            URI target = null;
            String key = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--conversations" -> conversations = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--max-turns" -> maxTurns = Long.parseLong(value);
                    case "--jar" -> jar = Path.of(value);
                    case "--server-jvm" -> serverJvm.addAll(List.of(value.trim().split("\\s+")));
                    case "--target" -> target = URI.create(value);
                    case "--key" -> key = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage());
                }
                i++;
            }
            if (conversations < 1 || conversations > 1_000 || seconds < 1 || seconds > 3_600 || warmup < 0) {
                throw new IllegalArgumentException("1–1000 conversations, 1–3600 s, a warm-up ≥ 0 s\n" + usage());
            }
            if ((target == null) != (key == null)) {
                throw new IllegalArgumentException("--target needs --key (and the other way round)\n" + usage());
            }
            if (target != null && !"127.0.0.1".equals(target.getHost())) {
                throw new IllegalArgumentException("load goes to 127.0.0.1 only, not " + target.getHost());
            }
            serverJvm.removeIf(String::isBlank);
            return new Options(conversations, warmup, seconds, maxTurns, jar, serverJvm, target, key);
        }

        static String usage() {
            return "usage: ChatLoad [--conversations 64] [--warmup 10] [--seconds 30] [--max-turns N]"
                    + " [--jar server/target/concierge-server.jar] [--server-jvm \"-Xmx512m …\"]"
                    + " | [--target http://127.0.0.1:PORT --key PUBLIC_KEY]";
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.target() != null) {
            run(options, options.target(), options.key(), null);
            return;
        }
        Path data = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "chat-load");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        Process server = startServer(options, data, log);
        try {
            String console = awaitRunning(server, log);
            Matcher running = RUNNING.matcher(console);
            running.find();
            URI base = URI.create("http://127.0.0.1:" + running.group(1));
            Matcher manager = MANAGER.matcher(console);
            if (!manager.find()) {
                throw new IllegalStateException("no demo manager account in the server's output:\n" + console);
            }
            ApiClient desk = ApiClient.of(base);
            String token = desk.login(manager.group(1), manager.group(2)).token();
            String key = desk.withStaffToken(token)
                    .createPublicKey(new PublicKeyRequest("chat-load", List.of()))
                    .key();
            run(options, base, key, server);
        } finally {
            server.destroy(); // SIGTERM: the server closes its database
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            delete(data);
            System.out.println("server log: " + log);
        }
    }

    private static Process startServer(Options options, Path data, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.serverJvm());
        command.addAll(List.of(
                "-Djava.io.tmpdir=" + data,
                "-jar",
                options.jar().toString(),
                "--demo",
                "--port",
                "0",
                "--data",
                data.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        ServerProcess.withoutServerSettings(environment);
        environment.put("CONCIERGE_NOW", ChatScripts.NOW);
        // one address plays 64 guests, each turn as soon as the last reply came: far past the product's limits
        // per address and per conversation, which are there for the open internet, not for this measurement
        environment.put("RATE_LIMIT_MAX_REQUESTS", "100000000");
        environment.put("RATE_LIMIT_CONVERSATION_MESSAGES", "100000000");
        System.out.println("starting " + String.join(" ", command));
        return builder.start();
    }

    /** The server's output up to its "running" line (the demo accounts come before it). */
    private static String awaitRunning(Process server, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (RUNNING.matcher(output).find()) {
                return output;
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("the server ended before it ran:\n" + output);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not start within 120 s:\n" + Files.readString(log));
    }

    private static void run(Options options, URI base, String key, @Nullable Process server)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI chat = base.resolve("/api/chat");
        Statuses statuses = new Statuses();
        LongAdder sent = new LongAdder();
        // One guest first, alone: the first question builds the knowledge index, and 64 first questions at once would
        // each build it (KnowledgeService builds it when it finds none) — a start-up effect, not the steady state.
        Guest first = new Guest(-1, http, chat, key, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, sent, statuses);
        for (ChatScripts.Script script : ChatScripts.ALL) {
            first.converse(script);
        }
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        long stopAt = measureFrom + TimeUnit.SECONDS.toNanos(options.seconds());
        List<Guest> guests = new ArrayList<>();
        for (int i = 0; i < options.conversations(); i++) {
            guests.add(new Guest(i, http, chat, key, measureFrom, stopAt, options.maxTurns(), sent, statuses));
        }
        System.out.printf(
                Locale.ROOT,
                "%d conversations against %s: %d s warm-up, then %d s measured%n",
                options.conversations(),
                base,
                options.warmupSeconds(),
                options.seconds());
        List<Thread> threads = new ArrayList<>();
        for (Guest guest : guests) {
            Thread thread = new Thread(guest, "guest-" + guest.number);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        long clientCpuAtStart = 0;
        long serverCpuAtStart = 0;
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(Math.max(0, measureFrom - System.nanoTime())));
        clientCpuAtStart = processCpuNanos();
        serverCpuAtStart = cpuNanos(server);
        long joinDeadline = stopAt + REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(5);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinDeadline - System.nanoTime())));
        }
        long measuredNanos = Math.min(System.nanoTime(), stopAt) - measureFrom;
        long clientCpu = processCpuNanos() - clientCpuAtStart;
        long serverCpu = cpuNanos(server) - serverCpuAtStart;
        report(options, guests, statuses, measuredNanos, clientCpu, server == null ? -1 : serverCpu);
    }

    private static void report(
            Options options,
            List<Guest> guests,
            Statuses statuses,
            long measuredNanos,
            long clientCpuNanos,
            long serverCpuNanos) {
        long[] all = Latencies.sorted(guests.stream().map(g -> g.latencies).toList());
        long count = all.length;
        double seconds = measuredNanos / 1e9;
        long finished = guests.stream().mapToLong(g -> g.finishedScripts).sum();
        System.out.printf(
                Locale.ROOT,
                "turns: %,d in %.1f s = %,.0f turns/s (%d concurrent conversations, %,d scripts finished)%n",
                count,
                seconds,
                count / seconds,
                options.conversations(),
                finished);
        if (count > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "latency: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                    percentile(all, 0.50),
                    percentile(all, 0.90),
                    percentile(all, 0.99),
                    percentile(all, 0.999),
                    all[all.length - 1] / 1e6);
        }
        System.out.println("answers (measured and warm-up): " + statuses.describe());
        if (count > 0) {
            String server = serverCpuNanos < 0
                    ? "server: not ours, not measured"
                    : String.format(Locale.ROOT, "server %.2f ms", serverCpuNanos / 1e6 / count);
            System.out.printf(
                    Locale.ROOT, "CPU per turn: %s, load generator %.2f ms%n", server, clientCpuNanos / 1e6 / count);
        }
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long cpuNanos(@Nullable Process process) {
        Optional<Duration> cpu =
                process == null ? Optional.empty() : process.info().totalCpuDuration();
        return cpu.map(Duration::toNanos).orElse(0L);
    }

    /** One guest after another on one connection's worth of traffic: a script's lines in order, then the next. */
    static final class Guest implements Runnable {
        private static final ObjectMapper JSON = new ObjectMapper();

        final int number;
        private final HttpClient http;
        private final URI chat;
        private final String key;
        private final long measureFrom;
        private final long stopAt;
        private final long maxTurns;
        private final LongAdder sent;
        private final Statuses statuses;
        final Latencies latencies = new Latencies();
        long finishedScripts;

        Guest(
                int number,
                HttpClient http,
                URI chat,
                String key,
                long measureFrom,
                long stopAt,
                long maxTurns,
                LongAdder sent,
                Statuses statuses) {
            this.number = number;
            this.http = http;
            this.chat = chat;
            this.key = key;
            this.measureFrom = measureFrom;
            this.stopAt = stopAt;
            this.maxTurns = maxTurns;
            this.sent = sent;
            this.statuses = statuses;
        }

        @Override
        public void run() {
            int script = number % ChatScripts.ALL.size();
            while (System.nanoTime() < stopAt && sent.sum() < maxTurns) {
                if (converse(ChatScripts.ALL.get(script))) {
                    finishedScripts++;
                }
                script = (script + 1) % ChatScripts.ALL.size();
            }
        }

        /** One script as one conversation; false when it stopped early (time, an error). */
        boolean converse(ChatScripts.Script script) {
            return converse(script, Duration.ZERO);
        }

        /** As {@link #converse(ChatScripts.Script)}, with {@code think} between an answer and the next line. */
        boolean converse(ChatScripts.Script script, Duration think) {
            String conversationId = null;
            for (String line : script.lines()) {
                if (conversationId != null && !think.isZero()) {
                    try {
                        Thread.sleep(think.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                if (System.nanoTime() >= stopAt) {
                    return false;
                }
                ObjectNode body = JSON.createObjectNode().put("message", line).put("channel", "web");
                if (conversationId != null) {
                    body.put("conversationId", conversationId);
                }
                HttpRequest request = HttpRequest.newBuilder(chat)
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("X-Concierge-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build();
                sent.increment();
                long started = System.nanoTime();
                HttpResponse<String> response;
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    statuses.count(e.getClass().getSimpleName());
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                long ended = System.nanoTime();
                statuses.count(Integer.toString(response.statusCode()));
                if (started >= measureFrom && ended <= stopAt) {
                    latencies.add(ended - started);
                }
                if (response.statusCode() != 200) {
                    return false;
                }
                try {
                    JsonNode reply = JSON.readTree(response.body());
                    conversationId = reply.path("conversationId").asText();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return true;
        }
    }

    /** A growing array of nanoseconds, one guest's own. */
    static final class Latencies {
        long[] values = new long[4_096];
        int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        /** Every value of {@code all}, in one array sorted for percentiles. */
        static long[] sorted(Collection<Latencies> all) {
            long[] merged = new long[all.stream().mapToInt(l -> l.size).sum()];
            int at = 0;
            for (Latencies latencies : all) {
                System.arraycopy(latencies.values, 0, merged, at, latencies.size);
                at += latencies.size;
            }
            Arrays.sort(merged);
            return merged;
        }
    }

    /** How many answers had each status (or which exception stood for one). */
    static final class Statuses {
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        void count(String status) {
            counts.computeIfAbsent(status, s -> new LongAdder()).increment();
        }

        String describe() {
            Map<String, Long> sorted = new TreeMap<>();
            counts.forEach((status, count) -> sorted.put(status, count.sum()));
            return sorted.isEmpty() ? "none" : sorted.toString();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private ChatLoad() {}
}
