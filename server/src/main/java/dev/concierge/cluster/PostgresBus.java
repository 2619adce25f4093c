package dev.concierge.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus between instances on one PostgreSQL: {@code NOTIFY} through the pool, and one connection of its own that
 * {@code LISTEN}s, read by a thread that hands each message to its topic's handlers. A notification's payload is
 * {@code instance \n topic \n body}; one too long for NOTIFY's 8000 bytes is stored in {@code cluster_message} and the
 * notification carries its id.
 */
public final class PostgresBus implements ClusterBus {
    static final String CHANNEL = "concierge";
    /** Below NOTIFY's limit of 8000 bytes, with room for the instance and topic. */
    static final int MAX_INLINE_BYTES = 7_000;

    private static final String STORED = "@";
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(PostgresBus.class);

    /** Opens a connection of the listener's own (outside the pool: it is held as long as the server runs). */
    @FunctionalInterface
    public interface Connect {
        Connection open() throws SQLException;
    }

    private final DSLContext dsl;
    private final Connect connect;
    private final String instance;
    private final ClusterMessageRepository messages;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> reconnectHandlers = new CopyOnWriteArrayList<>();
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread listener;
    private volatile boolean running = true;
    private volatile @Nullable Connection connection;

    private PostgresBus(DSLContext dsl, Connect connect, String instance, Clock wallClock) {
        this.dsl = dsl;
        this.connect = connect;
        this.instance = instance;
        this.messages = new ClusterMessageRepository(dsl, wallClock);
        this.listener = new Thread(this::listenUntilClosed, "cluster-listener");
        this.listener.setDaemon(true);
    }

    /**
     * A bus that can broadcast at once and listens from {@link #listen()} on: the wiring subscribes first and starts
     * listening once the server is sure to start, so a start that fails half-way leaves no thread or connection behind.
     */
    public static PostgresBus create(DSLContext dsl, Connect connect, String instance, Clock wallClock) {
        return new PostgresBus(dsl, connect, instance, wallClock);
    }

    /**
     * Starts listening and returns once the first LISTEN is in place (or after a few seconds without the database:
     * the listener keeps trying), so nothing sent after start-up is missed.
     */
    public void listen() {
        listener.start();
        try {
            if (!listening.await(10, TimeUnit.SECONDS)) {
                log.warn("The cluster listener is not listening yet; it keeps trying");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void broadcast(String topic, String body) {
        String payload = instance + "\n" + topic + "\n" + body;
        try {
            if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_INLINE_BYTES) {
                long id = messages.store(body);
                payload = instance + "\n" + topic + "\n" + STORED + id;
            }
            dsl.fetch("select pg_notify({0}, {1})", CHANNEL, payload);
        } catch (RuntimeException e) {
            // the other instances miss a nudge; what it was about is stored, and they read it on their next request
            log.warn("A message to the other instances could not be sent ({}): {}", topic, e.toString());
        }
    }

    @Override
    public void subscribe(String topic, Consumer<String> handler) {
        handlers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
    }

    @Override
    public void onReconnect(Runnable handler) {
        reconnectHandlers.add(handler);
    }

    /** Deletes stored long messages older than {@code age}: every instance has read them long since. */
    public int pruneStoredMessages(Duration age) {
        return messages.deleteOlderThan(age);
    }

    private void listenUntilClosed() {
        boolean reconnecting = false;
        while (running) {
            try (Connection listening = connect.open()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                this.listening.countDown();
                if (reconnecting) {
                    log.info("The cluster listener is listening again");
                    reconnectHandlers.forEach(PostgresBus::runSafely);
                }
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = notifications.getNotifications(500);
                    if (arrived != null) {
                        for (PGNotification notification : arrived) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("The cluster listener lost its connection and listens again shortly: {}", e.toString());
                reconnecting = true;
                sleep(RETRY);
            }
        }
    }

    private void deliver(String payload) {
        String[] parts = payload.split("\n", 3);
        if (parts.length < 3 || parts[0].equals(instance)) {
            return; // our own message, or not one of ours
        }
        List<Consumer<String>> topicHandlers = handlers.get(parts[1]);
        if (topicHandlers == null) {
            return;
        }
        String body = parts[2];
        if (body.startsWith(STORED)) {
            long id = Long.parseLong(body.substring(STORED.length()));
            @Nullable String stored = messages.read(id);
            if (stored == null) {
                return;
            }
            body = stored;
        }
        for (Consumer<String> handler : topicHandlers) {
            String message = body;
            runSafely(() -> handler.accept(message));
        }
    }

    private static void runSafely(Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            log.error("A handler of a message from another instance failed", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                // closing is best effort: the listener thread ends with the flag
            }
        }
        if (!listener.isAlive()) {
            return;
        }
        try {
            listener.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
