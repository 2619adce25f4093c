package dev.concierge.conversation;

import dev.concierge.api.ChatRequest;
import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;

/** {@code POST /api/chat} and {@code GET /api/chat/{id}} for the widget, the kiosk and API clients. */
public final class ChatController {
    private final ConversationService conversations;

    public ChatController(ConversationService conversations) {
        this.conversations = conversations;
    }

    public void register(RoutesConfig routes) {
        routes.post(
                "/api/chat",
                ctx -> ctx.json(conversations.turn(ctx.bodyAsClass(ChatRequest.class))),
                Access.PUBLIC_CLIENT);
        routes.get(
                "/api/chat/{id}", ctx -> ctx.json(conversations.transcript(ctx.pathParam("id"))), Access.PUBLIC_CLIENT);
    }
}
