package dev.concierge.conversation;

import static dev.concierge.jooq.Tables.CONVERSATION;
import static dev.concierge.jooq.Tables.MESSAGE;
import static dev.concierge.jooq.Tables.TASK_OUTCOME;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.ChatReply;
import dev.concierge.api.ChatRequest;
import dev.concierge.api.ConversationSummary;
import dev.concierge.api.LiveEvent;
import dev.concierge.api.Rating;
import dev.concierge.api.StaffMessage;
import dev.concierge.api.Transcript;
import dev.concierge.assistant.Assistant;
import dev.concierge.assistant.DialogueState;
import dev.concierge.assistant.GuestMessage;
import dev.concierge.assistant.Turn;
import dev.concierge.assistant.local.LanguageDetector;
import dev.concierge.common.Channel;
import dev.concierge.common.DomainException;
import dev.concierge.common.RateLimit;
import dev.concierge.jooq.tables.records.ConversationRecord;
import dev.concierge.jooq.tables.records.MessageRecord;
import dev.concierge.outbox.OutboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Guests' conversations: each message and reply stored, the dialogue's state kept with the conversation so that a
 * restart loses nothing, a conversation quiet for a day starts afresh, and one handed to staff keeps the
 * assistant quiet until staff release it.
 */
public final class ConversationService {
    /** A conversation quiet this long is over; the next message starts a new one. */
    static final Duration IDLE = Duration.ofHours(24);

    /** The most an inbox list answers at once. */
    static final int LIST_LIMIT = 200;

    /** How many earlier lines an engine is given with a new message. */
    static final int CONTEXT_LINES = 20;

    private final DSLContext dsl;
    private final Assistant assistant;
    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final LanguageDetector languages = new LanguageDetector();
    private final Supplier<String> venueLanguage;
    private final LiveUpdates live;
    private final RateLimit perConversation;
    private final TurnRepository turns;

    /** @param perConversation how many messages one conversation may send (a 429 past it, nothing stored) */
    public ConversationService(
            DSLContext dsl,
            Assistant assistant,
            OutboxRepository outbox,
            ObjectMapper json,
            Clock clock,
            Supplier<String> venueLanguage,
            LiveUpdates live,
            RateLimit perConversation) {
        this.dsl = dsl;
        this.live = live;
        this.perConversation = perConversation;
        this.assistant = assistant;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.venueLanguage = venueLanguage;
        this.turns = new TurnRepository(dsl);
    }

    /**
     * One guest message and the assistant's reply (none while staff have the conversation). The guest's line, the
     * reply and the conversation's new state are committed together, before the reply is returned; a guest's line
     * the engine failed to answer is stored on its own.
     */
    public ChatReply turn(ChatRequest request) {
        if (request.conversationId() != null) {
            perConversation.tryTake(request.conversationId()).ifPresent(wait -> {
                throw DomainException.tooManyRequests(
                        "That is a lot of messages at once. Please wait " + wait.toSeconds() + " s and try again.",
                        wait);
            });
        }
        OffsetDateTime now = now();
        Channel channel = Channel.valueOf(request.channel().toUpperCase(Locale.ROOT));
        TurnRepository.Current conversation = current(request.conversationId(), channel, now);
        String id = conversation.id();
        // false for a conversation this message starts: it has no earlier lines, and its first message counts too
        boolean continued = id.equals(request.conversationId());
        if (!continued) {
            perConversation.take(id);
        }
        String previous = conversation.language() == null ? venueLanguage.get() : conversation.language();
        String language =
                request.language() != null ? request.language() : languages.detect(request.message(), previous);
        boolean handedOff = "handoff".equals(conversation.status());
        // the earlier lines only when an engine will answer and reads them (the local engine does not)
        List<Transcript.Line> recent =
                continued && !handedOff && assistant.wantsRecentLines() ? recentLines(id) : List.of();
        LiveEvent guestLine =
                LiveEvent.message(id, new Transcript.Line("guest", request.message(), language, now.toInstant()));
        TurnRepository.Line asked = new TurnRepository.Line(id, "guest", request.message(), language, now, null, false);
        if (handedOff) {
            dsl.transaction(tx -> {
                turns.insert(tx.dsl(), asked);
                tx.dsl()
                        .update(CONVERSATION)
                        .set(CONVERSATION.LANGUAGE, language)
                        .set(CONVERSATION.LAST_MESSAGE_AT, now)
                        .where(CONVERSATION.ID.eq(id))
                        .execute();
            });
            live.publish(guestLine); // staff answer it: pushed once stored
            return new ChatReply(id, "", language, List.of(), true, null, null);
        }
        Turn turn;
        try {
            turn = assistant.respond(
                    state(conversation.taskState()),
                    new GuestMessage(request.message(), language, channel, id, recent));
        } catch (RuntimeException e) {
            turns.insert(dsl, asked); // the guest said it, and staff see it in the transcript
            live.publish(guestLine);
            throw e;
        }
        OffsetDateTime answered = now();
        Turn.Facts facts = turn.facts();
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            turns.insert(
                    db,
                    new TurnRepository.Line(
                            id, "guest", request.message(), language, now, facts.knowledgeId(), facts.unanswered()),
                    new TurnRepository.Line(id, "assistant", turn.reply(), language, answered, null, false));
            if (facts.completedTask() != null) {
                recordOutcome(db, id, facts.completedTask(), "completed", null, answered);
            }
            if (facts.abandonedTask() != null) {
                recordOutcome(db, id, facts.abandonedTask(), "abandoned", facts.stoppedAt(), answered);
            }
            // the guest who booked or ordered here is this conversation's contact (their GDPR export includes it)
            turns.update(
                    db,
                    new TurnRepository.AfterTurn(
                            id,
                            language,
                            write(turn.state()),
                            // a handed-over form stays in the state for staff to finish, but it is no longer the
                            // assistant's open task: its outcome was recorded at the handoff (reports count it once)
                            turn.handoff() ? null : turn.state().task(),
                            facts.asking(),
                            answered,
                            turn.handoff() ? "handoff" : "open",
                            facts.contactId()));
            if (turn.handoff()) {
                db.update(CONVERSATION)
                        .set(CONVERSATION.HANDOFF_REASON, facts.handoffReason())
                        .set(CONVERSATION.HANDOFF_AT, answered)
                        .setNull(CONVERSATION.RELEASED_AT)
                        .where(CONVERSATION.ID.eq(id))
                        .execute();
                // for the console's inbox and for n8n: a guest waits for a person
                outbox.write(
                        db,
                        "conversation.handoff",
                        id,
                        now.toEpochSecond(),
                        Map.of("conversationId", id, "channel", channel.wireName(), "language", language),
                        answered);
            }
        });
        // both lines are pushed once stored: a watcher never sees a line the database does not have (the guest's
        // line reaches the console when the reply does, seconds later with the OpenAI engine)
        live.publish(guestLine);
        live.publish(
                LiveEvent.message(id, new Transcript.Line("assistant", turn.reply(), language, answered.toInstant())));
        if (turn.handoff()) {
            live.publish(LiveEvent.status(id, "handoff"));
        }
        return new ChatReply(
                id, turn.reply(), language, turn.quickReplies(), turn.handoff(), turn.booking(), turn.order());
    }

    /** The lines an engine sees before a new message: the last {@value #CONTEXT_LINES}, oldest first. */
    private List<Transcript.Line> recentLines(String conversationId) {
        List<Transcript.Line> lines = new ArrayList<>(dsl.selectFrom(MESSAGE)
                .where(MESSAGE.CONVERSATION_ID.eq(conversationId))
                .orderBy(MESSAGE.ID.desc())
                .limit(CONTEXT_LINES)
                .fetch(ConversationService::line));
        Collections.reverse(lines);
        return lines;
    }

    private static Transcript.Line line(MessageRecord m) {
        return new Transcript.Line(
                m.getRole(), m.getText(), m.getLanguage(), m.getCreatedAt().toInstant());
    }

    /** The conversation {@code id} names while it is live, else a new one. */
    private TurnRepository.Current current(@Nullable String id, Channel channel, OffsetDateTime now) {
        if (id != null) {
            TurnRepository.Current existing = turns.current(id).orElse(null);
            if (existing != null
                    && !"closed".equals(existing.status())
                    && existing.lastAt().toInstant().plus(IDLE).isAfter(now.toInstant())) {
                return existing;
            }
            if (existing != null && !"closed".equals(existing.status())) {
                dsl.update(CONVERSATION)
                        .set(CONVERSATION.STATUS, "closed")
                        .where(CONVERSATION.ID.eq(id))
                        .execute();
            }
        }
        ConversationRecord created = dsl.newRecord(CONVERSATION)
                .setId(UUID.randomUUID().toString())
                .setChannel(channel.wireName())
                .setStatus("open")
                .setTaskState(write(DialogueState.fresh()))
                .setCreatedAt(now)
                .setLastMessageAt(now);
        dsl.executeInsert(created); // a plain insert: the id is ours, nothing to read back
        return new TurnRepository.Current(
                created.getId(), created.getStatus(), null, created.getTaskState(), created.getLastMessageAt());
    }

    public Transcript transcript(String id) {
        ConversationRecord conversation =
                dsl.selectFrom(CONVERSATION).where(CONVERSATION.ID.eq(id)).fetchOne();
        if (conversation == null) {
            throw DomainException.notFound("conversation_not_found", "There is no conversation " + id + ".");
        }
        List<Transcript.Line> lines = dsl.selectFrom(MESSAGE)
                .where(MESSAGE.CONVERSATION_ID.eq(id))
                .orderBy(MESSAGE.ID)
                .fetch(ConversationService::line);
        return new Transcript(id, conversation.getStatus(), conversation.getLanguage(), lines);
    }

    /** The console's inbox: conversations with {@code status} (all when null), the most recent first. */
    public List<ConversationSummary> list(@Nullable String status) {
        return summaries(status == null ? DSL.trueCondition() : CONVERSATION.STATUS.eq(status));
    }

    /** One guest's conversations, the most recent first (the console's guest details). */
    public List<ConversationSummary> ofContact(long contactId) {
        return summaries(CONVERSATION.CONTACT_ID.eq(contactId));
    }

    /** Gives contact {@code from}'s conversations to contact {@code to}, inside the caller's transaction (a merge). */
    public void moveContact(DSLContext tx, long from, long to) {
        tx.update(CONVERSATION)
                .set(CONVERSATION.CONTACT_ID, to)
                .where(CONVERSATION.CONTACT_ID.eq(from))
                .execute();
    }

    private List<ConversationSummary> summaries(org.jooq.Condition which) {
        var lastMessage = DSL.field(DSL.select(MESSAGE.TEXT)
                .from(MESSAGE)
                .where(MESSAGE.CONVERSATION_ID.eq(CONVERSATION.ID))
                .orderBy(MESSAGE.ID.desc())
                .limit(1));
        return dsl.select(CONVERSATION.asterisk(), lastMessage)
                .from(CONVERSATION)
                .where(which)
                .orderBy(CONVERSATION.LAST_MESSAGE_AT.desc())
                .limit(LIST_LIMIT)
                .fetch(r -> {
                    DialogueState state = state(r.get(CONVERSATION.TASK_STATE));
                    Map<String, String> slots = new java.util.LinkedHashMap<>(state.slots());
                    slots.remove("key"); // the request key of a summary awaiting its yes: the dialogue's, not staff's
                    return new ConversationSummary(
                            r.get(CONVERSATION.ID),
                            r.get(CONVERSATION.CHANNEL),
                            r.get(CONVERSATION.STATUS),
                            r.get(CONVERSATION.LANGUAGE),
                            r.get(CONVERSATION.LAST_MESSAGE_AT).toInstant(),
                            r.get(lastMessage),
                            r.get(CONVERSATION.CONTACT_ID),
                            state.task(),
                            slots,
                            r.get(CONVERSATION.HANDOFF_REASON));
                });
    }

    /**
     * A member of staff answers the guest: the conversation is theirs from now on (the assistant stays quiet) until
     * they release it.
     */
    public Transcript staffReply(String id, StaffMessage message, long staffId) {
        ConversationRecord conversation = existing(id);
        OffsetDateTime now = now();
        dsl.transaction(tx -> {
            tx.dsl()
                    .insertInto(MESSAGE)
                    .set(MESSAGE.CONVERSATION_ID, id)
                    .set(MESSAGE.ROLE, "staff")
                    .set(MESSAGE.TEXT, message.text())
                    .set(MESSAGE.LANGUAGE, conversation.getLanguage())
                    .set(MESSAGE.STAFF_ID, staffId)
                    .set(MESSAGE.CREATED_AT, now)
                    .execute();
            if (!"handoff".equals(conversation.getStatus())) {
                // staff took the conversation over without being asked: a handoff of its own for the reports
                tx.dsl()
                        .update(CONVERSATION)
                        .set(CONVERSATION.HANDOFF_REASON, "staff")
                        .set(CONVERSATION.HANDOFF_AT, now)
                        .setNull(CONVERSATION.RELEASED_AT)
                        .where(CONVERSATION.ID.eq(id))
                        .execute();
            }
            tx.dsl()
                    .update(CONVERSATION)
                    .set(CONVERSATION.STATUS, "handoff")
                    .set(CONVERSATION.LAST_MESSAGE_AT, now)
                    .where(CONVERSATION.ID.eq(id))
                    .execute();
        });
        live.publish(LiveEvent.message(
                id, new Transcript.Line("staff", message.text(), conversation.getLanguage(), now.toInstant())));
        if (!"handoff".equals(conversation.getStatus())) {
            live.publish(LiveEvent.status(id, "handoff"));
        }
        return transcript(id);
    }

    /** Staff give the conversation back to the assistant, which answers the guest's next message again. */
    public Transcript release(String id) {
        existing(id);
        int released = dsl.update(CONVERSATION)
                .set(CONVERSATION.STATUS, "open")
                .set(CONVERSATION.TASK_STATE, write(DialogueState.fresh()))
                .setNull(CONVERSATION.TASK)
                .setNull(CONVERSATION.ASKING)
                .set(CONVERSATION.RELEASED_AT, now())
                .where(CONVERSATION.ID.eq(id))
                .and(CONVERSATION.STATUS.eq("handoff"))
                .execute();
        if (released > 0) {
            live.publish(LiveEvent.status(id, "open"));
        }
        return transcript(id);
    }

    /** Refuses (404) a conversation that does not exist or is over; a socket may follow only a live one. */
    public void requireOpen(String id) {
        existing(id);
    }

    private ConversationRecord existing(String id) {
        ConversationRecord conversation =
                dsl.selectFrom(CONVERSATION).where(CONVERSATION.ID.eq(id)).fetchOne();
        if (conversation == null || "closed".equals(conversation.getStatus())) {
            throw DomainException.notFound("conversation_not_found", "There is no open conversation " + id + ".");
        }
        return conversation;
    }

    private DialogueState state(@Nullable String stored) {
        if (stored == null) {
            return DialogueState.fresh();
        }
        try {
            return json.readValue(stored, DialogueState.class);
        } catch (JsonProcessingException e) {
            return DialogueState.fresh(); // a state from an older version: start the task over rather than fail
        }
    }

    private String write(DialogueState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a dialogue state", e);
        }
    }

    private static void recordOutcome(
            DSLContext db,
            String conversationId,
            String task,
            String outcome,
            @Nullable String stoppedAt,
            OffsetDateTime at) {
        db.insertInto(TASK_OUTCOME)
                .set(TASK_OUTCOME.CONVERSATION_ID, conversationId)
                .set(TASK_OUTCOME.TASK, task)
                .set(TASK_OUTCOME.OUTCOME, outcome)
                .set(TASK_OUTCOME.STOPPED_AT, stoppedAt)
                .set(TASK_OUTCOME.CREATED_AT, at)
                .execute();
    }

    /** The guest's thumbs up or down at the end of a conversation; a second answer replaces the first. */
    public void rate(String id, Rating rating) {
        existing(id);
        dsl.update(CONVERSATION)
                .set(CONVERSATION.RATING, rating.rating())
                .set(CONVERSATION.RATED_AT, now())
                .where(CONVERSATION.ID.eq(id))
                .execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
