package dev.concierge.assistant;

import dev.concierge.assistant.local.CatalogMatcher;
import dev.concierge.booking.BookingService;
import dev.concierge.common.Channel;
import dev.concierge.crm.ContactService;
import dev.concierge.knowledge.KnowledgeService;
import dev.concierge.order.OrderService;
import dev.concierge.venue.VenueFile;
import dev.concierge.venue.VenueService;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The offline assistant's dialogue. Each task is a {@link Form} filled one question at a time (several answers in
 * one message are taken, corrections replace what was said); a finished form is read back and committed through the
 * same services the desk uses only after the guest's yes, with a request key so that a repeated yes does it once.
 * A question in the middle of a form is answered from the knowledge base, then the form goes on.
 */
public final class LocalAssistant implements Assistant {
    /** Messages in a row not understood before a person takes over. */
    static final int MISUNDERSTANDINGS_BEFORE_HANDOFF = 2;

    /** How much of a question that names a task an entry must cover to be answered instead of starting the task. */
    static final double QUESTION_OVER_TASK = 0.75;

    /** What a turn awaiting the guest's yes is "asking" for, as the reports name it. */
    static final String CONFIRMATION = "confirmation";

    private final VenueService venues;
    private final KnowledgeService knowledge;
    private final Clock clock;
    private final Map<String, Form> forms;
    /** The current venue's matchers, built once per imported venue. */
    private volatile @Nullable Catalogue catalogue;

    public LocalAssistant(
            VenueService venues,
            BookingService bookings,
            OrderService orders,
            ContactService contacts,
            KnowledgeService knowledge,
            Clock clock) {
        this.venues = venues;
        this.knowledge = knowledge;
        this.clock = clock;
        ServiceBookingForm serviceBooking = new ServiceBookingForm(bookings);
        this.forms = List.of(
                        serviceBooking,
                        new RoomStayForm(bookings),
                        new BookingChangeForm(bookings, serviceBooking),
                        new OrderForm(orders),
                        new LeadForm(contacts))
                .stream()
                .collect(Collectors.toMap(Form::task, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** The local engine keeps what it needs of the conversation in its dialogue state, never in earlier lines. */
    @Override
    public boolean wantsRecentLines() {
        return false;
    }

    @Override
    public Turn respond(DialogueState before, GuestMessage message) {
        Context c = context(message.text(), message.language(), message.channel(), message.conversationId());
        return withAsking(c, understand(c, before.nextTurn()));
    }

    /**
     * Goes on with a task whose slots another engine filled: asks for the one thing still missing, offers free
     * alternatives, or reads back the summary that awaits the guest's yes (the commit itself only ever follows a yes
     * the guest types, answered by {@link #respond}).
     */
    public Turn proceed(DialogueState state, String language, Channel channel, String conversationId) {
        Context c = context("", language, channel, conversationId);
        return withAsking(c, next(c, state.confirming(false)));
    }

    /**
     * Hands the conversation to a person for {@code reason}, in the guest's language, as a guest asking for one would
     * (the engine that understood the request is another one); a task under way is left as abandoned.
     */
    public Turn handOff(DialogueState state, String language, Channel channel, String conversationId, String reason) {
        return handoff(context("", language, channel, conversationId), state, reason);
    }

    private Context context(String text, String language, Channel channel, String conversationId) {
        VenueFile venue = venues.venue();
        Catalogue known = catalogue;
        if (known == null || known.venue() != venue) {
            // a venue imported again is a new VenueFile: its catalogue is built on its first message
            known = Catalogue.of(venue);
            catalogue = known;
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(venue.venue().timezone()));
        return new Context(text, language, channel, conversationId, known, now);
    }

    private Turn understand(Context c, DialogueState state) {
        if (Intents.wantsPerson(c.plain)) {
            return handoff(c, state, "request");
        }
        if (Intents.frustrated(c.plain)) {
            return handoff(c, state, "frustration");
        }
        if (state.confirming()) {
            return confirmingAnswer(c, state);
        }
        String task = state.task();
        if (task == null) {
            return newTask(c, state);
        }
        Form form = form(task);
        String asked = form.asking(c, state);
        DialogueState filled = form.fill(c, state, asked);
        if (!filled.slots().equals(state.slots())) {
            return next(c, filled.understood(true));
        }
        String other = taskNamedBy(c);
        if (other != null && !other.equals(task)) {
            // the guest moved on to something else: the unfinished form is left, as the reports will show
            Turn started = newTask(c, state.done());
            return started.with(started.facts().abandoned(task, asked));
        }
        Optional<KnowledgeService.Answer> answer = knowledge.answer(c.text, c.language);
        if (answer.isPresent()) {
            Turn resumed = next(c, state.understood(true));
            return new Turn(
                    answer.get().text() + "\n" + c.say("and_then", resumed.reply()),
                    resumed.quickReplies(),
                    false,
                    resumed.state(),
                    null,
                    null,
                    Turn.Facts.answered(answer.get().entryId()));
        }
        return notUnderstood(c, state, next(c, state).reply());
    }

    private Form form(String task) {
        return Objects.requireNonNull(forms.get(task), task);
    }

    /** The task a message asks for by its words or what it names, or null. */
    private static @Nullable String taskNamedBy(Context c) {
        String plain = c.plain;
        if (c.entities.reference() != null
                || ((Intents.wantsToCancel(plain) || Intents.wantsToChange(plain)) && Intents.aboutABooking(plain))) {
            return BookingChangeForm.TASK;
        }
        String lead = Intents.leadIntent(plain);
        // "call me back about a group booking" asks for a person to call, not for a booking
        if ("callback".equals(lead) || Intents.wantsCallback(plain)) {
            return LeadForm.TASK;
        }
        boolean book = Intents.wantsToBook(plain);
        boolean order = Intents.wantsToOrder(plain);
        boolean room = Intents.wantsRoom(plain);
        if (lead != null && !book && !order && !room) {
            return LeadForm.TASK;
        }
        if (room) {
            return RoomStayForm.TASK;
        }
        double menu = best(c.menu);
        double services = best(c.services);
        if (menu > 0 && services > 0) {
            // "reserva una pista de tenis": "pista" is one typo from "pasta", but the guest books
            return book || (!order && services >= menu) ? ServiceBookingForm.TASK : OrderForm.TASK;
        }
        if (menu > 0 || (order && services == 0)) {
            return OrderForm.TASK;
        }
        if (services > 0 || book && c.rooms.isEmpty()) {
            return ServiceBookingForm.TASK;
        }
        if (!c.rooms.isEmpty() || c.entities.nights() != null || c.entities.checkOut() != null) {
            return RoomStayForm.TASK;
        }
        return lead != null ? LeadForm.TASK : null;
    }

    private static double best(List<CatalogMatcher.Match> matches) {
        return matches.stream().mapToDouble(CatalogMatcher.Match::score).max().orElse(0);
    }

    // ---- starting a task ----------------------------------------------------------------------------------------

    private Turn newTask(Context c, DialogueState state) {
        String task = taskNamedBy(c);
        // "how much is a massage?" is a question about the massage, not yet a booking
        if (task != null
                && Intents.question(c.plain)
                && !Intents.asksToAct(c.plain)
                && !Intents.asksAvailability(c.plain)) {
            Optional<KnowledgeService.Answer> answer = knowledge.answer(c.text, c.language);
            // a question that names a task ("do you have a room?") is that task unless an entry answers it well
            if (answer.isPresent() && answer.get().coverage() >= QUESTION_OVER_TASK) {
                return Turn.say(answer.get().text(), state.understood(true))
                        .with(Turn.Facts.answered(answer.get().entryId()));
            }
        }
        if (task != null) {
            DialogueState started = state.withTask(task);
            Form form = form(task);
            return next(c, form.fill(c, started, null).understood(true));
        }
        if (Intents.greeting(c.plain) && c.text.length() < 40) {
            return Turn.say(
                    c.say("greeting", c.venue.venue().name()),
                    state.understood(true),
                    c.say("qr_book_massage"),
                    c.say("qr_book_table"),
                    c.say("qr_book_room"),
                    c.say("qr_order"),
                    c.say("qr_person"));
        }
        Optional<KnowledgeService.Answer> answer = knowledge.answer(c.text, c.language);
        if (answer.isPresent()) {
            return Turn.say(answer.get().text(), state.understood(true))
                    .with(Turn.Facts.answered(answer.get().entryId()));
        }
        if (Intents.thanks(c.plain)) {
            return Turn.say(c.say("thanks"), state.understood(true));
        }
        if (Intents.question(c.plain)) {
            Turn notKnown = Turn.say(
                    c.say("not_known"), state.understood(false), c.say("qr_person"), c.say("qr_leave_details"));
            return notKnown.with(notKnown.facts().markedUnanswered());
        }
        return notUnderstood(c, state, null);
    }

    private Turn notUnderstood(Context c, DialogueState state, @Nullable String askAgain) {
        DialogueState after = state.understood(false);
        if (after.misunderstandings() >= MISUNDERSTANDINGS_BEFORE_HANDOFF) {
            return handoff(c, after, "misunderstood");
        }
        String reply = c.say("not_understood") + (askAgain == null ? "" : "\n" + askAgain);
        return Turn.say(reply, after, c.say("qr_person"));
    }

    /**
     * Hands the conversation to a person. The form under way stays in the state (not awaiting a yes), so the desk sees
     * what the guest wanted and can finish it; a release back to the assistant starts afresh.
     */
    private static Turn handoff(Context c, DialogueState state, String reason) {
        DialogueState kept = state.confirming(false).understood(true);
        Turn turn = new Turn(c.say("handoff"), List.of(), true, kept, null, null, Turn.Facts.handedOff(reason));
        String task = state.task();
        return task == null ? turn : turn.with(turn.facts().abandoned(task, null));
    }

    // ---- the form's next question -----------------------------------------------------------------------------

    private Turn next(Context c, DialogueState state) {
        String task = state.task();
        if (task == null) {
            return newTask(c, state);
        }
        Form form = form(task);
        return form.next(c, state, form.asking(c, state));
    }

    /** The read-back of a finished form: it waits for a yes, with the request key that yes will commit under. */
    static Turn confirm(Context c, DialogueState state, String summary) {
        return Turn.say(
                summary,
                state.confirming(true).withSlot("key", c.conversationId + ":" + state.turns()),
                c.say("qr_yes"),
                c.say("qr_no"));
    }

    /** The turn with the slot its state now waits for, which the conversation keeps for the reports. */
    private Turn withAsking(Context c, Turn turn) {
        DialogueState state = turn.state();
        String task = state.task();
        String asking = task == null
                ? null
                : state.confirming() ? CONFIRMATION : form(task).asking(c, state);
        return turn.with(turn.facts().askingFor(asking));
    }

    // ---- the guest's yes or no ------------------------------------------------------------------------------------

    private Turn confirmingAnswer(Context c, DialogueState state) {
        String task = Objects.requireNonNull(state.task());
        Form form = form(task);
        DialogueState corrected = form.fill(c, state, null);
        if (!withoutKey(corrected).equals(withoutKey(state))) {
            // "no, better at 6": a correction, read back again
            return next(c, corrected.confirming(false).understood(true));
        }
        if (c.entities.affirmative() && !c.entities.negative()) {
            return form.commit(c, state);
        }
        if (c.entities.negative()) {
            Turn declined = Turn.say(c.say("declined"), state.done());
            return declined.with(declined.facts().abandoned(task, CONFIRMATION));
        }
        return notUnderstood(c, state, next(c, state.confirming(false)).reply());
    }

    private static Map<String, String> withoutKey(DialogueState state) {
        Map<String, String> slots = new LinkedHashMap<>(state.slots());
        slots.remove("key");
        return slots;
    }
}
