package dev.concierge.kiosk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.ApiJson;
import dev.concierge.api.LiveEvent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code WS /api/chat/live?conversationId=} over {@code java.net.http}, with the device token as
 * {@code Authorization: Bearer} on the upgrade: one JSON {@link LiveEvent} per text message. A lost socket is not
 * reopened here: the kiosk's next turn (or the next guest) opens a new one.
 */
final class LiveChatSocket implements AutoCloseable {
    private static final ObjectMapper JSON = ApiJson.newMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<WebSocket> socket;

    private LiveChatSocket(URI uri, String token, Runnable opened, Consumer<LiveEvent> events) {
        socket = HTTP.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Frames(opened, events));
    }

    static LiveChatSocket open(
            URI server, String token, String conversationId, Runnable opened, Consumer<LiveEvent> events) {
        return new LiveChatSocket(socketUri(server, conversationId), token, opened, events);
    }

    static URI socketUri(URI server, String conversationId) {
        String scheme = "https".equalsIgnoreCase(server.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + server.getRawAuthority() + "/api/chat/live?conversationId="
                + URLEncoder.encode(conversationId, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            socket.thenAccept(open -> open.sendClose(WebSocket.NORMAL_CLOSURE, "the guest left"));
            socket.cancel(false);
        }
    }

    private final class Frames implements WebSocket.Listener {
        private final Runnable opened;
        private final Consumer<LiveEvent> events;
        private final StringBuilder text = new StringBuilder();

        Frames(Runnable opened, Consumer<LiveEvent> events) {
            this.opened = opened;
            this.events = events;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
            if (!closed.get()) {
                opened.run();
            }
        }

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                try {
                    if (!closed.get()) {
                        events.accept(JSON.readValue(message, LiveEvent.class));
                    }
                } catch (JsonProcessingException unreadable) {
                    // a frame this kiosk does not understand (a newer server): nothing to show for it
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }
    }
}
