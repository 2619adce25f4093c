package dev.concierge.conversation;

import dev.concierge.api.ChatRequest;
import dev.concierge.api.Rating;
import dev.concierge.api.StaffMessage;
import dev.concierge.staff.Access;
import dev.concierge.staff.Callers;
import io.javalin.config.RoutesConfig;

/**
 * {@code POST /api/chat} and {@code GET /api/chat/{id}} for the widget, the kiosk and API clients; the console's inbox,
 * its replies to guests and the release back to the assistant; {@code WS /api/chat/live} through {@link ChatSocket}.
 */
public final class ChatController {
    private final ConversationService conversations;
    private final ChatSocket live;

    public ChatController(ConversationService conversations, ChatSocket live) {
        this.conversations = conversations;
        this.live = live;
    }

    public void register(RoutesConfig routes) {
        live.register(routes, conversations::requireOpen);
        routes.post(
                "/api/chat",
                ctx -> ctx.json(conversations.turn(ctx.bodyAsClass(ChatRequest.class))),
                Access.PUBLIC_CLIENT);
        routes.post(
                "/api/chat/{id}/rating",
                ctx -> {
                    conversations.rate(ctx.pathParam("id"), ctx.bodyAsClass(Rating.class));
                    ctx.status(204);
                },
                Access.PUBLIC_CLIENT);
        routes.get(
                "/api/chat/{id}", ctx -> ctx.json(conversations.transcript(ctx.pathParam("id"))), Access.PUBLIC_CLIENT);
        routes.get(
                "/api/staff/conversations",
                ctx -> ctx.json(conversations.list(ctx.queryParam("status"))),
                Access.FRONT_DESK);
        routes.post(
                "/api/staff/conversations/{id}/messages",
                ctx -> ctx.json(conversations.staffReply(
                        ctx.pathParam("id"),
                        ctx.bodyAsClass(StaffMessage.class),
                        Callers.staff(ctx).orElseThrow().id())),
                Access.FRONT_DESK);
        routes.post(
                "/api/staff/conversations/{id}/release",
                ctx -> ctx.json(conversations.release(ctx.pathParam("id"))),
                Access.FRONT_DESK);
    }
}
