package dev.concierge.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
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
 * Delivers the outbox. One dispatcher thread owns the database side: it claims due deliveries in batches and
 * writes back the outcomes of finished calls, many per transaction; a small pool makes the outward calls (several at
 * once, since they mostly wait on the network). Nothing is held only in memory: a claim is a lease in the database,
 * so whatever a killed process was delivering (or had delivered but not yet recorded) is claimed again when its
 * lease runs out, and sent again under the same idempotency key.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    /** Longer than any connector's own timeout plus the wait in the queue, so a lease runs out only when its holder is gone. */
    static final Duration LEASE = Duration.ofSeconds(90);
    /** Claimed deliveries waiting for a thread, per thread: claims come in batches, not one per finished call. */
    private static final int QUEUED_PER_THREAD = 4;

    private final DSLContext dsl;
    private final OutboxRepository outbox;
    private final Map<String, Connector> connectors = new LinkedHashMap<>();
    private final Backoff backoff;
    private final Duration idlePoll;
    private final int capacity;
    private final int batch;
    private final AtomicInteger held = new AtomicInteger();
    private final LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final ExecutorService calls;
    private final Thread dispatcher;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean nudged;
    private volatile boolean running = true;
    private volatile boolean claiming = true;

    /** How one attempt ended: delivered ({@code failure} null) or not. */
    private record Outcome(OutboxEvent event, @Nullable DeliveryFailure failure) {}

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
        this.capacity = concurrency * QUEUED_PER_THREAD;
        this.batch = concurrency;
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

    /** Something was written, made due or finished: look again now rather than at the next poll. */
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
                recordOutcomes();
                int free = capacity - held.get();
                // claim a batch at a time; a single free place is taken only when nothing else is under way
                boolean claimed = false;
                if (claiming && (free >= batch || free > 0 && held.get() == 0)) {
                    // one transaction, one commit, for the whole batch of claims
                    List<OutboxEvent> due = dsl.transactionResult(tx -> outbox.claimDue(tx.dsl(), names, free, LEASE));
                    held.addAndGet(due.size());
                    due.forEach(event -> calls.execute(() -> attempt(event)));
                    claimed = !due.isEmpty();
                }
                if (!claimed && outcomes.isEmpty()) {
                    awaitWork();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // the database is away (closing, a full disk): wait and try again; leases keep what was claimed
                log.warn("The outbox could not claim or record deliveries: {}", e.toString());
                sleepQuietly(idlePoll);
            }
        }
        try {
            recordOutcomes();
        } catch (RuntimeException e) {
            log.warn("The outbox could not record its last outcomes; they are sent again: {}", e.toString());
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

    /** One attempt of one delivery on a pool thread; its outcome goes back to the dispatcher to be written. */
    private void attempt(OutboxEvent event) {
        DeliveryFailure failure = null;
        try {
            Connector connector = connectors.get(event.connector());
            if (connector != null) {
                connector.deliver(event);
            }
        } catch (DeliveryFailure e) {
            failure = e;
        } catch (RuntimeException e) {
            // a bug in a connector must not stop the others; it is retried like a network error, and shown
            log.error("Outbox delivery {} to {} failed unexpectedly", event.deliveryId(), event.connector(), e);
            failure = DeliveryFailure.retryable(
                    "unexpected error: " + e.getClass().getSimpleName(), null);
        } finally {
            held.decrementAndGet();
        }
        outcomes.add(new Outcome(event, failure));
        // its aggregate's next delivery may be due now
        nudge();
    }

    /** Writes every finished attempt's outcome, in one transaction: one commit for many deliveries. */
    private void recordOutcomes() {
        List<Outcome> finished = new ArrayList<>();
        outcomes.drainTo(finished);
        if (finished.isEmpty()) {
            return;
        }
        dsl.transaction(tx -> {
            for (Outcome outcome : finished) {
                record(tx.dsl(), outcome);
            }
        });
    }

    private void record(DSLContext db, Outcome outcome) {
        OutboxEvent event = outcome.event();
        DeliveryFailure failure = outcome.failure();
        if (failure == null) {
            outbox.markDelivered(db, event.deliveryId());
        } else if (failure.permanent()) {
            log.warn(
                    "Outbox delivery {} ({} to {}) failed for good: {}",
                    event.deliveryId(),
                    event.type(),
                    event.connector(),
                    failure.reason());
            outbox.markDead(db, event.deliveryId(), failure.reason());
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
            outbox.markRetry(db, event.deliveryId(), failure.reason(), wait);
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops claiming and lets the calls in flight finish for a few seconds, recording what they did; what is left
     * keeps its lease and is claimed again later (at once at the next start on the embedded database).
     */
    @Override
    public void close() {
        claiming = false;
        calls.shutdown();
        try {
            if (!calls.awaitTermination(5, TimeUnit.SECONDS)) {
                calls.shutdownNow();
            }
            running = false;
            nudge();
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
