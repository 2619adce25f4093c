package dev.concierge.conversation;

import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.LiveEvent;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WS /api/chat/live?conversationId=}: pushes each new line and status change of one conversation to the
 * sockets that follow it (the guest's widget or kiosk, the desk's inbox). A socket is only a window on the stored
 * conversation: a client that reconnects reads {@code GET /api/chat/{id}} for what it missed.
 */
public final class ChatSocket implements LiveUpdates {
    /** Sockets one conversation may have open at once (a guest's tabs, a kiosk, the desks). */
    static final int MAX_SOCKETS_PER_CONVERSATION = 10;

    /** Keeps idle sockets open through proxies and home routers that drop quiet connections. */
    static final long PING_SECONDS = 25;

    private static final Logger log = LoggerFactory.getLogger(ChatSocket.class);
    private static final String PATH = "/api/chat/live";
    private static final String CONVERSATION = "conversationId";

    private final Map<String, Set<WsContext>> followers = new ConcurrentHashMap<>();

    /** Routes the socket; {@code requireOpen} refuses, as plain HTTP before the upgrade, a conversation not open. */
    void register(RoutesConfig routes, Consumer<String> requireOpen) {
        routes.wsBeforeUpgrade(PATH, ctx -> requireOpen.accept(conversationId(ctx.queryParam(CONVERSATION))));
        routes.ws(PATH, ws -> {
            ws.onConnect(this::follow);
            ws.onClose(this::unfollow);
            ws.onError(this::unfollow);
        });
    }

    static String conversationId(@Nullable String id) {
        if (id == null || id.isBlank()) {
            throw InvalidFieldsException.of(CONVERSATION, "is required");
        }
        return id;
    }

    private void follow(WsContext ctx) {
        String id = conversationId(ctx.queryParam(CONVERSATION));
        Set<WsContext> sockets = followers.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet());
        if (sockets.size() >= MAX_SOCKETS_PER_CONVERSATION) {
            ctx.closeSession(WsCloseStatus.POLICY_VIOLATION, "too many sockets for this conversation");
            return;
        }
        sockets.add(ctx);
        ctx.enableAutomaticPings(PING_SECONDS, TimeUnit.SECONDS);
    }

    private void unfollow(WsContext ctx) {
        @Nullable String id = ctx.queryParam(CONVERSATION);
        if (id == null) {
            return;
        }
        followers.computeIfPresent(id, (k, sockets) -> {
            sockets.remove(ctx);
            return sockets.isEmpty() ? null : sockets;
        });
    }

    @Override
    public void publish(LiveEvent event) {
        Set<WsContext> sockets = followers.get(event.conversationId());
        if (sockets == null) {
            return;
        }
        for (WsContext socket : sockets) {
            try {
                synchronized (socket) { // one frame at a time on each socket
                    socket.send(event);
                }
            } catch (RuntimeException e) {
                log.info(
                        "A live chat socket could not be written and is dropped: {}",
                        e.getClass().getSimpleName());
                unfollow(socket);
            }
        }
    }
}
