package dev.concierge.bench;

import dev.concierge.testing.LocalPostgres;
import dev.concierge.testing.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A venue group on one PostgreSQL, simulated: N venues, each its own Concierge instance over its own database on one
 * shared PostgreSQL server (one appliance's data per database, as the deployment guide sets them up), and M chats a
 * minute arriving at each venue's website at random (Poisson arrivals, open loop: a slow answer does not slow the
 * arrivals, as real guests do not wait for each other). Each chat replays one of {@link ChatScripts}' conversations
 * with a guest's think time between an answer and the next line. First the venues stand idle for a minute (what N
 * venues cost PostgreSQL with nobody chatting: their minutely jobs, pools, listeners), then each rate in turn (after
 * a pass that is not reported, to let the fresh JVMs compile).
 * Prints, per rate, the turns a second offered, the turn latencies, the errors, and PostgreSQL's CPU: per turn and
 * as a share of one core. Runs by {@code bench/venue-group.sh}; docs/benchmarks.md ("A venue group") reads it.
 */
public final class VenueGroup {
    /** One step of the run: the rate, what it cost and how it was answered. */
    record Step(
            double chatsPerMinutePerVenue,
            double turnsPerSecond,
            long chats,
            long turns,
            double p50Millis,
            double p99Millis,
            double postgresCoreShare,
            double postgresCpuMillisPerTurn,
            double serverCpuMillisPerTurn,
            String answers) {}

    public static void main(String[] args) throws Exception {
        int venues = 4;
        List<Double> rates = List.of(30.0, 120.0, 300.0, 600.0);
        int warmup = 10;
        int seconds = 40;
        int idleSeconds = 60;
        int jitSeconds = 30;
        Duration think = Duration.ofSeconds(2);
        Path jar = Path.of("server/target/concierge-server.jar");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--venues" -> venues = Integer.parseInt(args[i + 1]);
                case "--rates" ->
                    rates = Arrays.stream(args[i + 1].split(","))
                            .map(Double::parseDouble)
                            .toList();
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--idle" -> idleSeconds = Integer.parseInt(args[i + 1]);
                case "--jit" -> jitSeconds = Integer.parseInt(args[i + 1]);
                case "--think-ms" -> think = Duration.ofMillis(Long.parseLong(args[i + 1]));
                case "--jar" -> jar = Path.of(args[i + 1]);
                default ->
                    throw new IllegalArgumentException("usage: VenueGroup [--venues 4] [--rates 30,120,300,600]"
                            + " [--warmup 10] [--seconds 40] [--idle 60] [--jit 30] [--think-ms 2000] [--jar …]");
            }
        }
        List<ServerProcess> instances = new ArrayList<>();
        try (LocalPostgres postgres = LocalPostgres.start(true)) {
            List<URI> chats = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int v = 0; v < venues; v++) {
                ServerProcess venue = ScaleOut.startDemo(jar, postgres.newDatabase(), "venue-group");
                instances.add(venue);
                chats.add(venue.uri().resolve("/api/chat"));
                keys.add(ScaleOut.websiteKey(venue));
            }
            System.out.printf(Locale.ROOT, "%d venues on one PostgreSQL: %s%n", venues, chats);

            if (jitSeconds > 0) {
                // fresh JVMs interpret and compile for their first tens of seconds: a pass not reported warms them
                step(rates.get(rates.size() - 1) / 2, chats, keys, instances, postgres, 0, jitSeconds, think);
            }
            Duration idleAt = postgres.cpu();
            Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
            double idleShare = postgres.cpu().minus(idleAt).toNanos() / 1e9 / idleSeconds;
            System.out.printf(
                    Locale.ROOT,
                    "  idle: PostgreSQL %.2f %% of a core for %d venues (%.3f %% each)%n",
                    100 * idleShare,
                    venues,
                    100 * idleShare / venues);

            List<Step> steps = new ArrayList<>();
            for (double rate : rates) {
                steps.add(step(rate, chats, keys, instances, postgres, warmup, seconds, think));
            }
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "%d venues, think time %.1f s; idle: PostgreSQL %.2f %% of a core%n%n",
                    venues,
                    think.toMillis() / 1e3,
                    100 * idleShare);
            System.out.println("| chats/min per venue | turns/s | chats | p50 ms | p99 ms | PostgreSQL % of a core"
                    + " | PostgreSQL CPU ms/turn | server CPU ms/turn |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (Step s : steps) {
                System.out.printf(
                        Locale.ROOT,
                        "| %.0f | %.1f | %,d | %.1f | %.1f | %.1f | %.2f | %.2f |%n",
                        s.chatsPerMinutePerVenue(),
                        s.turnsPerSecond(),
                        s.chats(),
                        s.p50Millis(),
                        s.p99Millis(),
                        100 * s.postgresCoreShare(),
                        s.postgresCpuMillisPerTurn(),
                        s.serverCpuMillisPerTurn());
            }
            for (Step s : steps) {
                System.out.printf(Locale.ROOT, "%.0f chats/min: answers %s%n", s.chatsPerMinutePerVenue(), s.answers());
            }
        } finally {
            for (int v = 0; v < instances.size(); v++) {
                ScaleOut.stopAndKeepLog(instances.get(v), "venue-group-" + v);
            }
        }
    }

    /**
     * Chats arrive at every venue at {@code chatsPerMinute} for the warm-up and the measured seconds; turns that start
     * and end inside the measured window count, and arrivals stop with it.
     */
    private static Step step(
            double chatsPerMinute,
            List<URI> chats,
            List<String> keys,
            List<ServerProcess> instances,
            LocalPostgres postgres,
            int warmup,
            int seconds,
            Duration think)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long stopAt = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        ChatLoad.Statuses statuses = new ChatLoad.Statuses();
        ConcurrentLinkedQueue<ChatLoad.Latencies> measured = new ConcurrentLinkedQueue<>();
        LongAdder sent = new LongAdder();
        LongAdder chatsStarted = new LongAdder();
        ExecutorService guests = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "guest");
            thread.setDaemon(true);
            return thread;
        });
        List<Thread> arrivals = new ArrayList<>();
        for (int v = 0; v < chats.size(); v++) {
            URI chat = chats.get(v);
            String key = keys.get(v);
            HttpClient http = ScaleOut.http();
            Random random = new Random(1_000L * v + Math.round(chatsPerMinute));
            double meanGapNanos = 60e9 / chatsPerMinute;
            int venue = v;
            Thread arrival = new Thread(
                    () -> {
                        long next = System.nanoTime();
                        int n = venue;
                        while (true) {
                            // exponential gaps: arrivals at random, at the given rate on average
                            next += (long) (-Math.log(1 - random.nextDouble()) * meanGapNanos);
                            long wait = next - System.nanoTime();
                            if (next >= stopAt) {
                                return;
                            }
                            if (wait > 0) {
                                try {
                                    TimeUnit.NANOSECONDS.sleep(wait);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                            ChatScripts.Script script = ChatScripts.ALL.get(n++ % ChatScripts.ALL.size());
                            ChatLoad.Guest guest = new ChatLoad.Guest(
                                    n, http, chat, key, measureFrom, stopAt, Long.MAX_VALUE, sent, statuses);
                            if (next >= measureFrom) {
                                chatsStarted.increment();
                            }
                            guests.execute(() -> {
                                guest.converse(script, think);
                                measured.add(guest.latencies);
                            });
                        }
                    },
                    "arrivals-" + v);
            arrival.setDaemon(true);
            arrival.start();
            arrivals.add(arrival);
        }
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(Math.max(0, measureFrom - System.nanoTime())));
        Duration postgresAtStart = postgres.cpu();
        Duration serverAtStart = ScaleOut.cpu(instances);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(Math.max(0, stopAt - System.nanoTime())));
        double postgresCpu = postgres.cpu().minus(postgresAtStart).toNanos() / 1e6;
        double serverCpu = ScaleOut.cpu(instances).minus(serverAtStart).toNanos() / 1e6;
        for (Thread arrival : arrivals) {
            arrival.join();
        }
        guests.shutdown();
        // a conversation in flight at the stop ends at its next line; its last request may take the whole timeout
        guests.awaitTermination(30, TimeUnit.SECONDS);
        long[] latencies = ChatLoad.Latencies.sorted(measured);
        int turns = latencies.length;
        Step step = new Step(
                chatsPerMinute,
                turns / (double) seconds,
                chatsStarted.sum(),
                turns,
                ScaleOut.percentile(latencies, 0.50),
                ScaleOut.percentile(latencies, 0.99),
                postgresCpu / 1e3 / seconds,
                turns == 0 ? 0 : postgresCpu / turns,
                turns == 0 ? 0 : serverCpu / turns,
                statuses.describe());
        System.out.printf(
                Locale.ROOT,
                "  %.0f chats/min per venue: %.1f turns/s, p50 %.1f ms, p99 %.1f ms, PostgreSQL %.1f %% of a core,"
                        + " %.2f ms/turn; answers %s%n",
                chatsPerMinute,
                step.turnsPerSecond(),
                step.p50Millis(),
                step.p99Millis(),
                100 * step.postgresCoreShare(),
                step.postgresCpuMillisPerTurn(),
                step.answers());
        return step;
    }

    private VenueGroup() {}
}
