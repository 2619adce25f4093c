package dev.concierge.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.LiveEvent;
import dev.concierge.cluster.ClusterBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live chat news for every instance: a guest's socket may be open on one instance while the desk answers through
 * another, so each event goes to this instance's sockets and, through the {@link ClusterBus}, to the others'.
 */
public final class SharedLiveUpdates implements LiveUpdates {
    static final String TOPIC = "live";
    private static final Logger log = LoggerFactory.getLogger(SharedLiveUpdates.class);

    private final ClusterBus cluster;
    private final ObjectMapper json;
    private final LiveUpdates local;

    private SharedLiveUpdates(ClusterBus cluster, ObjectMapper json, LiveUpdates local) {
        this.cluster = cluster;
        this.json = json;
        this.local = local;
    }

    /** {@code local}'s sockets get each event at once, the other instances' as soon as the bus brings it. */
    public static LiveUpdates across(ClusterBus cluster, ObjectMapper json, LiveUpdates local) {
        if (cluster == ClusterBus.ALONE) {
            return local; // alone on the embedded database: no event is written for nobody
        }
        SharedLiveUpdates shared = new SharedLiveUpdates(cluster, json, local);
        cluster.subscribe(TOPIC, shared::received);
        return shared;
    }

    @Override
    public void publish(LiveEvent event) {
        local.publish(event);
        try {
            cluster.broadcast(TOPIC, json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            log.warn("A live chat event could not be written for the other instances: {}", e.getOriginalMessage());
        }
    }

    private void received(String body) {
        try {
            local.publish(json.readValue(body, LiveEvent.class));
        } catch (JsonProcessingException e) {
            log.warn("A live chat event from another instance could not be read: {}", e.getOriginalMessage());
        }
    }
}
