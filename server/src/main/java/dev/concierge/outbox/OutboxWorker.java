package dev.concierge.outbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: one thread claims due deliveries, a small pool makes the outward calls (several at once, since
 * they mostly wait on the network), and each outcome is written back: delivered, tried again later with {@link
 * Backoff}, or dead with its reason. Nothing is held only in memory: a claim is a lease in the database, so whatever
 * a killed process was delivering is claimed again when its lease runs out.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    /** Longer than any connector's own timeout, so a lease runs out only when its holder is gone. */
    static final Duration LEASE = Duration.ofSeconds(90);

    private final DSLContext dsl;
    private final OutboxRepository outbox;
    private final Map<String, Connector> connectors = new LinkedHashMap<>();
    private final Backoff backoff;
    private final Duration idlePoll;
    private final Semaphore inFlight;
    private final ExecutorService calls;
    private final Thread dispatcher;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean nudged;
    private volatile boolean running = true;

    /**
     * @param concurrency how many outward calls may be in flight at once
     * @param idlePoll how long to wait for new events when nothing is due (a write nudges the worker sooner)
     */
    public OutboxWorker(
            DSLContext dsl,
            OutboxRepository outbox,
            List<Connector> connectors,
            Backoff backoff,
            int concurrency,
            Duration idlePoll) {
        this.dsl = dsl;
        this.outbox = outbox;
        connectors.forEach(connector -> this.connectors.put(connector.name(), connector));
        this.backoff = backoff;
        this.idlePoll = idlePoll;
        this.inFlight = new Semaphore(concurrency);
        this.calls = Executors.newFixedThreadPool(concurrency, threads("outbox-delivery-"));
        this.dispatcher = threads("outbox-dispatcher").newThread(this::dispatch);
    }

    /** Backoff from {@code base}, doubling up to {@code cap}. */
    public static Backoff backoff(Duration base, Duration cap) {
        return new Backoff(base, cap, new java.util.SplittableRandom());
    }

    public void start() {
        if (!connectors.isEmpty()) {
            dispatcher.start();
        }
    }

    /** Something was written (or made due): look again now rather than at the next poll. */
    public void nudge() {
        lock.lock();
        try {
            nudged = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void dispatch() {
        Set<String> names = connectors.keySet();
        while (running) {
            try {
                inFlight.acquire();
                int free = 1 + inFlight.drainPermits();
                List<OutboxEvent> due = outbox.claimDue(dsl, names, free, LEASE);
                inFlight.release(free - due.size());
                for (OutboxEvent event : due) {
                    calls.execute(() -> {
                        try {
                            deliver(event);
                        } finally {
                            inFlight.release();
                            // its aggregate's next delivery may be due now
                            nudge();
                        }
                    });
                }
                if (due.isEmpty()) {
                    awaitWork();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database is away (closing, a full disk): wait and try again, nothing was claimed
                log.warn("The outbox could not claim deliveries: {}", e.toString());
                sleepQuietly(idlePoll);
            }
        }
    }

    private void awaitWork() throws InterruptedException {
        lock.lock();
        try {
            if (!nudged) {
                work.await(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
            }
            nudged = false;
        } finally {
            lock.unlock();
        }
    }

    /** One attempt of one delivery, and its outcome written back; a crash in between leaves the lease to run out. */
    void deliver(OutboxEvent event) {
        @Nullable Connector connector = connectors.get(event.connector());
        if (connector == null) {
            return;
        }
        try {
            connector.deliver(event);
            outbox.markDelivered(dsl, event.deliveryId());
        } catch (DeliveryFailure failure) {
            if (failure.permanent()) {
                log.warn(
                        "Outbox delivery {} ({} to {}) failed for good: {}",
                        event.deliveryId(),
                        event.type(),
                        event.connector(),
                        failure.reason());
                outbox.markDead(dsl, event.deliveryId(), failure.reason());
            } else {
                Duration wait = backoff.after(event.attempt(), failure.retryAfter());
                log.info(
                        "Outbox delivery {} ({} to {}), attempt {}, failed; trying again in {} s: {}",
                        event.deliveryId(),
                        event.type(),
                        event.connector(),
                        event.attempt(),
                        wait.toSeconds(),
                        failure.reason());
                outbox.markRetry(dsl, event.deliveryId(), failure.reason(), wait);
            }
        } catch (RuntimeException e) {
            // a bug in a connector must not stop the others; it is retried like a network error, and shown
            log.error("Outbox delivery {} to {} failed unexpectedly", event.deliveryId(), event.connector(), e);
            try {
                outbox.markRetry(
                        dsl,
                        event.deliveryId(),
                        "unexpected error: " + e.getClass().getSimpleName(),
                        backoff.after(event.attempt(), java.util.Optional.empty()));
            } catch (RuntimeException again) {
                log.warn(
                        "Could not record the failure of outbox delivery {}: {}", event.deliveryId(), again.toString());
            }
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops claiming, lets the calls in flight finish for a few seconds; what is left is claimed again later. */
    @Override
    public void close() {
        running = false;
        dispatcher.interrupt();
        calls.shutdown();
        try {
            if (!calls.awaitTermination(5, TimeUnit.SECONDS)) {
                calls.shutdownNow();
            }
            dispatcher.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
            thread.setDaemon(true);
            return thread;
        };
    }
}
