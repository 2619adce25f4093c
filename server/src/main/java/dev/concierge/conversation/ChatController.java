package dev.concierge.conversation;

import dev.concierge.api.AudioChatReply;
import dev.concierge.api.ChatReply;
import dev.concierge.api.ChatRequest;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.Rating;
import dev.concierge.api.StaffMessage;
import dev.concierge.common.DomainException;
import dev.concierge.common.Failure;
import dev.concierge.staff.Access;
import dev.concierge.staff.Callers;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/chat} and {@code GET /api/chat/{id}} for the widget, the kiosk and API clients; the console's inbox,
 * its replies to guests and the release back to the assistant; {@code WS /api/chat/live} through {@link ChatSocket}.
 */
public final class ChatController {
    /** A recorded message of a minute or so; bodies are capped at 1 MiB for every route anyway. */
    static final int MAX_AUDIO_BYTES = 1024 * 1024;

    private final ConversationService conversations;
    private final ChatSocket live;
    private final SpeechToText speech;

    public ChatController(ConversationService conversations, ChatSocket live) {
        this(conversations, live, SpeechToText.NONE);
    }

    public ChatController(ConversationService conversations, ChatSocket live, SpeechToText speech) {
        this.conversations = conversations;
        this.live = live;
        this.speech = speech;
    }

    /**
     * {@code POST /api/chat/audio}: a multipart form with the recording in {@code file} and the fields of
     * {@code POST /api/chat} but the message; the words heard become the guest's message. 503 without a speech
     * service (never a silent drop), 502 when it fails, 422 when nothing was heard.
     */
    private void audio(Context ctx) {
        if (!speech.available()) {
            throw DomainException.unavailable(
                    "speech_unavailable",
                    "Voice messages need a speech service (OPENAI_API_KEY); please type your message.");
        }
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.startsWith("multipart/form-data")) {
            throw InvalidFieldsException.of("file", "send the recording as multipart/form-data");
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            throw InvalidFieldsException.of("file", "is required: the recorded message");
        }
        if (file.size() > MAX_AUDIO_BYTES) {
            throw InvalidFieldsException.of("file", "must be at most 1 MiB (about a minute of speech)");
        }
        String language = ctx.formParam("language");
        String channel = ctx.formParam("channel");
        String conversationId = ctx.formParam("conversationId");
        // checked before the speech service is paid for: the same rules as a typed message
        new ChatRequest(conversationId, "…", blankToNull(language), channel == null ? "" : channel);
        String heard;
        try (java.io.InputStream content = file.content()) {
            heard = speech.transcribe(content.readAllBytes(), safeName(file.filename()), blankToNull(language));
        } catch (java.io.IOException e) {
            throw InvalidFieldsException.of("file", "could not be read");
        } catch (SpeechToText.Unavailable e) {
            throw new DomainException(
                    Failure.UPSTREAM,
                    "speech_failed",
                    "Your voice message could not be understood right now; please type it.");
        }
        if (heard.isBlank()) {
            throw DomainException.notAllowed(
                    "nothing_heard", "No words were heard in the recording; please try again.");
        }
        String message = heard.length() > ChatRequest.MAX_MESSAGE_LENGTH
                ? heard.substring(0, ChatRequest.MAX_MESSAGE_LENGTH)
                : heard;
        ChatReply reply = conversations.turn(
                new ChatRequest(blankToNull(conversationId), message, blankToNull(language), channel));
        ctx.json(new AudioChatReply(message, reply));
    }

    private static String safeName(@Nullable String name) {
        // the service reads the format from the extension; nothing else of the guest's file name is passed on
        String extension = name == null || !name.contains(".") ? "webm" : name.substring(name.lastIndexOf('.') + 1);
        return "message."
                + (extension.matches("[A-Za-z0-9]{1,5}") ? extension.toLowerCase(java.util.Locale.ROOT) : "webm");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public void register(RoutesConfig routes) {
        live.register(routes, conversations::requireOpen);
        routes.post(
                "/api/chat",
                ctx -> ctx.json(conversations.turn(ctx.bodyAsClass(ChatRequest.class))),
                Access.PUBLIC_CLIENT);
        routes.post("/api/chat/audio", this::audio, Access.PUBLIC_CLIENT);
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
