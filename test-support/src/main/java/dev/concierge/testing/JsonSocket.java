package dev.concierge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** A WebSocket to a test server whose text frames are JSON events, read in order with a bounded wait. */
public final class JsonSocket implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private JsonSocket(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Frames()).join();
    }

    /** Opens {@code ws://127.0.0.1:port/pathAndQuery} with {@code headers}; fails as the handshake does. */
    public static JsonSocket open(int port, String pathAndQuery, Map<String, String> headers) {
        return new JsonSocket(URI.create("ws://127.0.0.1:" + port + pathAndQuery), headers);
    }

    /** The next event, waiting up to 10 s; fails the test when none comes. */
    public JsonNode next() throws InterruptedException {
        JsonNode event = poll(WAIT);
        if (event == null) {
            throw new AssertionError("nothing pushed within " + WAIT.toSeconds() + " s");
        }
        return event;
    }

    /** The next event within {@code wait}, or null. */
    public @Nullable JsonNode poll(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The first event {@code wanted} accepts within 10 s, skipping the others; fails the test when none comes. */
    public JsonNode nextMatching(Predicate<JsonNode> wanted) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < until) {
            JsonNode event = events.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null && wanted.test(event)) {
                return event;
            }
        }
        throw new AssertionError("no such event pushed within " + WAIT.toSeconds() + " s");
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Frames implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    events.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new AssertionError("not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
