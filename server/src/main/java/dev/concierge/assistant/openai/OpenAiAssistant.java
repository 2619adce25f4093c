package dev.concierge.assistant.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.RequestOptions;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.FunctionDefinition;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.concierge.api.ConnectionResult;
import dev.concierge.api.Transcript;
import dev.concierge.assistant.Assistant;
import dev.concierge.assistant.DialogueState;
import dev.concierge.assistant.GuestMessage;
import dev.concierge.assistant.LocalAssistant;
import dev.concierge.assistant.Turn;
import dev.concierge.booking.BookingService;
import dev.concierge.knowledge.KnowledgeService;
import dev.concierge.venue.VenueFile;
import dev.concierge.venue.VenueService;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assistant backed by an OpenAI (or OpenAI-compatible) chat model with function calling. The model understands
 * the guest and calls {@link Tools}; what it may not do is commit: a booking, change, cancellation, order or lead is
 * handed to the {@link LocalAssistant} as the dialogue's state, and the local engine reads it back and commits only
 * after the guest's own yes. When the service fails, is slow, answers what cannot be read, or keeps calling tools,
 * the local engine answers the message instead; the guest never sees an error.
 */
public final class OpenAiAssistant implements Assistant {
    private static final Logger log = LoggerFactory.getLogger(OpenAiAssistant.class);

    private final LocalAssistant local;
    private final VenueService venues;
    private final Tools tools;
    private final Clock clock;
    private final OpenAiSettings settings;
    private final OpenAIClient client;

    public OpenAiAssistant(
            LocalAssistant local,
            VenueService venues,
            BookingService bookings,
            KnowledgeService knowledge,
            ObjectMapper json,
            Clock clock,
            OpenAiSettings settings) {
        this.local = local;
        this.venues = venues;
        this.tools = new Tools(bookings, knowledge, json);
        this.clock = clock;
        this.settings = settings;
        this.client = OpenAIOkHttpClient.builder()
                .apiKey(settings.apiKey())
                .baseUrl(settings.baseUrl())
                .timeout(settings.timeout())
                // no retries: a guest waits for each one, and the local engine is a better answer than a late one
                .maxRetries(0)
                .build();
    }

    /**
     * The console's "test connection": one short chat completion with these settings' key, address and model, the
     * call every turn makes (a models list would miss a wrong model and is not offered by every compatible server).
     */
    public static ConnectionResult testConnection(java.util.function.Function<String, @Nullable String> values) {
        OpenAiSettings settings = OpenAiSettings.fromEnvironment(values).orElse(null);
        if (settings == null) {
            return new ConnectionResult("openai", false, "OPENAI_API_KEY is not set.");
        }
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .apiKey(settings.apiKey())
                .baseUrl(settings.baseUrl())
                .timeout(Duration.ofSeconds(15))
                .maxRetries(0)
                .build();
        try {
            client.chat()
                    .completions()
                    .create(
                            ChatCompletionCreateParams.builder()
                                    .model(settings.model())
                                    .addUserMessage("Reply with the single word OK.")
                                    .build(),
                            options(Duration.ofSeconds(15)));
            return new ConnectionResult("openai", true, "The model " + settings.model() + " answered.");
        } catch (OpenAIServiceException e) {
            return new ConnectionResult(
                    "openai",
                    false,
                    e.statusCode() == 401
                            ? "The service refused the key (401): check OPENAI_API_KEY."
                            : "The service answered HTTP " + e.statusCode() + " for the model " + settings.model()
                                    + ".");
        } catch (RuntimeException e) {
            return new ConnectionResult("openai", false, "The service could not be reached (" + why(e) + ").");
        } finally {
            client.close();
        }
    }

    private static RequestOptions options(Duration timeout) {
        // a response that does not have the shape of a chat completion fails here, not deep in the dialogue
        return RequestOptions.builder()
                .timeout(timeout)
                .responseValidation(true)
                .build();
    }

    /** The model is given the conversation's last lines with each message. */
    @Override
    public boolean wantsRecentLines() {
        return true;
    }

    @Override
    public Turn respond(DialogueState before, GuestMessage message) {
        if (before.confirming()) {
            // the guest's yes (or no, or correction) to a summary: only the local engine commits, and only on a yes
            return local.respond(before, message);
        }
        try {
            return converse(before, message);
        } catch (RuntimeException e) {
            // without the message, the arguments or the service's own words: they may hold a guest's details
            log.warn("The OpenAI engine could not answer ({}); the local engine answers instead", why(e));
            return local.respond(before, message);
        }
    }

    private Turn converse(DialogueState before, GuestMessage message) {
        VenueFile venue = venues.venue();
        DialogueState state = before.nextTurn();
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(venue.venue().timezone()));
        ChatCompletionCreateParams.Builder request = ChatCompletionCreateParams.builder()
                .model(settings.model())
                // one call at a time: a command ends the turn, so later calls of the same message would be lost
                .parallelToolCalls(false)
                .addSystemMessage(SystemPrompt.of(venue, now, message.language(), state));
        for (FunctionDefinition function : tools.definitions(venue)) {
            request.addFunctionTool(function);
        }
        for (Transcript.Line line : message.recent()) {
            if ("guest".equals(line.role())) {
                request.addUserMessage(line.text());
            } else if (!line.text().isBlank()) {
                request.addAssistantMessage(line.text()); // the assistant's replies and staff's, for the venue
            }
        }
        request.addUserMessage(message.text());

        @Nullable String knowledgeId = null;
        boolean searchedInVain = false;
        // wall time, not the venue's clock (which tests and demos freeze)
        long deadline = System.nanoTime()
                + Math.max(
                        OpenAiSettings.TURN_BUDGET.toNanos(), settings.timeout().toNanos());
        for (int round = 1; round <= settings.maxRounds(); round++) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new NoAnswer("out of time after " + (round - 1) + " rounds");
            }
            ChatCompletion completion = client.chat()
                    .completions()
                    .create(
                            request.build(),
                            options(left.compareTo(settings.timeout()) < 0 ? left : settings.timeout()));
            ChatCompletionMessage reply = completion.choices().stream()
                    .findFirst()
                    .orElseThrow(() -> new NoAnswer("a completion without choices"))
                    .message();
            List<ChatCompletionMessageToolCall> calls = reply.toolCalls().orElse(List.of());
            if (calls.isEmpty()) {
                String text = reply.content()
                        .filter(content -> !content.isBlank())
                        .orElseThrow(() -> new NoAnswer("a message without text or tool calls"));
                return said(text.strip(), state, message, knowledgeId, searchedInVain);
            }
            request.addMessage(reply);
            for (ChatCompletionMessageToolCall call : calls) {
                if (!call.isFunction()) {
                    throw new NoAnswer("a call of a tool that is not a function");
                }
                ChatCompletionMessageFunctionToolCall function = call.asFunction();
                Tools.Outcome outcome = tools.run(
                        function.function().name(), function.function().arguments(), state, message.language(), venue);
                if (outcome instanceof Tools.Command command) {
                    return proceed(before, command.state(), message);
                }
                if (outcome instanceof Tools.HandOff) {
                    return local.handOff(
                            state, message.language(), message.channel(), message.conversationId(), "request");
                }
                Tools.Answer answer = (Tools.Answer) outcome;
                if (answer.knowledgeId() != null) {
                    knowledgeId = answer.knowledgeId();
                }
                searchedInVain |= answer.searchedInVain();
                request.addMessage(ChatCompletionToolMessageParam.builder()
                        .toolCallId(function.id())
                        .content(answer.json())
                        .build());
            }
        }
        throw new NoAnswer("still calling tools after " + settings.maxRounds() + " rounds");
    }

    /** A task the model filled: the local engine asks what is missing or reads back the summary for a yes. */
    private Turn proceed(DialogueState before, DialogueState filled, GuestMessage message) {
        Turn turn = local.proceed(filled, message.language(), message.channel(), message.conversationId());
        String left = before.task();
        if (left == null || left.equals(filled.task())) {
            return turn;
        }
        // the guest moved on from an unfinished task, as the reports will show
        Turn.Facts f = turn.facts();
        return turn.with(new Turn.Facts(
                f.knowledgeId(),
                f.unanswered(),
                f.handoffReason(),
                f.completedTask(),
                left,
                null,
                f.contactId(),
                f.asking()));
    }

    /** The model's own words: an answer from the tools' facts, or a question back to the guest. */
    private Turn said(
            String text,
            DialogueState state,
            GuestMessage message,
            @Nullable String knowledgeId,
            boolean searchedInVain) {
        DialogueState after = state.understood(true);
        // a task under way still waits for the same slot, which the conversation keeps for the reports
        String asking = after.task() == null
                ? null
                : local.proceed(after, message.language(), message.channel(), message.conversationId())
                        .facts()
                        .asking();
        Turn.Facts facts = new Turn.Facts(
                knowledgeId, knowledgeId == null && searchedInVain, null, null, null, null, null, asking);
        return new Turn(text, List.of(), false, after, null, null, facts);
    }

    /** Why the engine gave up, fit for a log line: a status, an exception's kind, or our own reason. */
    private static String why(RuntimeException e) {
        if (e instanceof OpenAIServiceException service) {
            return "HTTP " + service.statusCode();
        }
        if (e instanceof NoAnswer) {
            return Objects.requireNonNullElse(e.getMessage(), "no answer");
        }
        Throwable cause = e.getCause();
        return e.getClass().getSimpleName()
                + (cause == null ? "" : " caused by " + cause.getClass().getSimpleName());
    }

    /** The service answered, but nothing a guest could be given. */
    private static final class NoAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoAnswer(String reason) {
            super(reason);
        }
    }
}
