package dev.concierge.conversation;

import dev.concierge.api.LiveEvent;
import dev.concierge.common.DomainException;
import dev.concierge.staff.Callers;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WS /api/staff/live}: the desk's inbox hears every conversation's news as it is stored — a guest handed
 * over ({@code status: handoff}) appears at once, and a guest's line in a conversation staff answer reaches them
 * without polling. Staff only (a signed-in token, sent as {@code Authorization: Bearer} on the upgrade); a socket is
 * a window on the stored conversations: a desk that reconnects lists {@code GET /api/staff/conversations} again.
 */
public final class InboxSocket implements LiveUpdates {
    /** Desks open at once (a few consoles; the bound is against a leak, not a use). */
    static final int MAX_SOCKETS = 50;

    private static final Logger log = LoggerFactory.getLogger(InboxSocket.class);
    private static final String PATH = "/api/staff/live";

    private final Set<WsContext> desks = ConcurrentHashMap.newKeySet();

    public void register(RoutesConfig routes) {
        // the /api/* upgrade check has already named the caller; a website's key or a kiosk is not the desk
        routes.wsBeforeUpgrade(PATH, ctx -> {
            if (Callers.staff(ctx).isEmpty()) {
                throw DomainException.forbidden("staff_only", "The inbox socket is for signed-in staff.");
            }
        });
        routes.ws(PATH, ws -> {
            ws.onConnect(ctx -> {
                if (desks.size() >= MAX_SOCKETS) {
                    ctx.closeSession(WsCloseStatus.POLICY_VIOLATION, "too many inbox sockets");
                    return;
                }
                desks.add(ctx);
                ctx.enableAutomaticPings(ChatSocket.PING_SECONDS, TimeUnit.SECONDS);
            });
            ws.onClose(desks::remove);
            ws.onError(desks::remove);
        });
    }

    @Override
    public void publish(LiveEvent event) {
        for (WsContext desk : desks) {
            try {
                synchronized (desk) { // one frame at a time on each socket
                    desk.send(event);
                }
            } catch (RuntimeException e) {
                log.info(
                        "An inbox socket could not be written and is dropped: {}",
                        e.getClass().getSimpleName());
                desks.remove(desk);
            }
        }
    }
}
