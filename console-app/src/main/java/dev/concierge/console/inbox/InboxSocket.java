package dev.concierge.console.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.ApiJson;
import dev.concierge.api.LiveEvent;
import dev.concierge.console.Texts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * {@code WS /api/staff/live} over {@code java.net.http}: the staff token as {@code Authorization: Bearer} on the
 * upgrade, one JSON {@link LiveEvent} per text message.
 */
public final class InboxSocket implements InboxFeed {
    private final URI server;
    private final String token;
    private final Texts texts;
    private final HttpClient http;
    private final ObjectMapper json = ApiJson.newMapper();

    /**
     * @param server the server's HTTP address, e.g. {@code http://localhost:7070}
     * @param texts the words a loss of the feed is told to staff in
     */
    public InboxSocket(URI server, String token, Texts texts) {
        this.server = server;
        this.token = token;
        this.texts = texts;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    static URI socketUri(URI server) {
        String scheme = "https".equalsIgnoreCase(server.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + server.getRawAuthority() + "/api/staff/live");
    }

    @Override
    public Subscription open(Listener listener) {
        Frames frames = new Frames(listener);
        CompletableFuture<WebSocket> socket = http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(socketUri(server), frames);
        socket.whenComplete((open, failure) -> {
            if (failure != null) {
                frames.lose(texts.get("inbox.feed.notOpened", server));
            }
        });
        return () -> {
            frames.closed.set(true);
            socket.thenAccept(open -> open.sendClose(WebSocket.NORMAL_CLOSURE, "the desk closed the inbox"));
            socket.cancel(false);
        };
    }

    private final class Frames implements WebSocket.Listener {
        private final Listener listener;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final StringBuilder text = new StringBuilder();

        Frames(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            listener.opened();
            webSocket.request(1);
        }

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                try {
                    if (!closed.get()) {
                        listener.event(json.readValue(message, LiveEvent.class));
                    }
                } catch (JsonProcessingException unreadable) {
                    // a frame this console does not understand (a newer server): the next re-list shows its news
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

        @Override
        public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lose(reason.isBlank() ? texts.get("inbox.feed.closed") : texts.get("inbox.feed.closedBecause", reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lose(texts.get(
                    "inbox.feed.broke",
                    Objects.requireNonNullElse(
                            error.getMessage(), error.getClass().getSimpleName())));
        }

        void lose(String why) {
            if (closed.compareAndSet(false, true)) {
                listener.lost(why);
            }
        }
    }
}
