package dev.concierge.cluster;

import java.util.function.Consumer;

/**
 * Messages to the other server instances sharing this database. A message goes to every other instance's handlers
 * of its topic, never back to the sender's own (the sender has done its part already), and only to instances running
 * now: it is a nudge to refresh or push what is stored, never the only copy of anything.
 */
public interface ClusterBus extends AutoCloseable {
    /** The bus of an instance alone on its database (the embedded H2): there is nobody to tell. */
    ClusterBus ALONE = new ClusterBus() {
        @Override
        public void broadcast(String topic, String body) {}

        @Override
        public void subscribe(String topic, Consumer<String> handler) {}

        @Override
        public void onReconnect(Runnable handler) {}

        @Override
        public void close() {}
    };

    /** Tells the other instances; never throws (a lost nudge is logged, the stored data stays the truth). */
    void broadcast(String topic, String body);

    /** Calls {@code handler} with the body of each message on {@code topic} from another instance. */
    void subscribe(String topic, Consumer<String> handler);

    /**
     * Calls {@code handler} when the bus listens again after losing its connection: messages sent meanwhile were
     * missed, so whatever they would have refreshed is refreshed now.
     */
    void onReconnect(Runnable handler);

    @Override
    void close();
}
