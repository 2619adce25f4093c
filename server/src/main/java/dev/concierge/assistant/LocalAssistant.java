package dev.concierge.assistant;

import dev.concierge.api.BookingView;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.OrderRequest;
import dev.concierge.api.OrderView;
import dev.concierge.api.ReservationRequest;
import dev.concierge.assistant.local.CatalogMatcher;
import dev.concierge.assistant.local.Entities;
import dev.concierge.assistant.local.EntityExtractor;
import dev.concierge.booking.BookingService;
import dev.concierge.booking.Slot;
import dev.concierge.common.Channel;
import dev.concierge.common.DomainException;
import dev.concierge.crm.ContactKeys;
import dev.concierge.knowledge.KnowledgeService;
import dev.concierge.order.OrderService;
import dev.concierge.venue.VenueFile;
import dev.concierge.venue.VenueService;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The offline assistant's dialogue. Each task is a form filled one question at a time (several answers in one
 * message are taken, corrections replace what was said); a finished form is read back and committed through the
 * same services the desk uses only after the guest's yes, with a request key so that a repeated yes books once.
 * A question in the middle of a form is answered from the knowledge base, then the form goes on.
 */
public final class LocalAssistant implements Assistant {
    static final String BOOK_SERVICE = "book_service";
    static final String ORDER = "order";

    /** Messages in a row not understood before a person takes over. */
    static final int MISUNDERSTANDINGS_BEFORE_HANDOFF = 2;

    private final VenueService venues;
    private final BookingService bookings;
    private final OrderService orders;
    private final KnowledgeService knowledge;
    private final Clock clock;

    public LocalAssistant(
            VenueService venues,
            BookingService bookings,
            OrderService orders,
            KnowledgeService knowledge,
            Clock clock) {
        this.venues = venues;
        this.bookings = bookings;
        this.orders = orders;
        this.knowledge = knowledge;
        this.clock = clock;
    }

    @Override
    public Turn respond(DialogueState before, GuestMessage message) {
        DialogueState state = before.nextTurn();
        String text = message.text();
        String language = message.language();
        Context c = new Context(text, language, message.channel(), message.conversationId());
        if (Intents.wantsPerson(c.plain) || Intents.frustrated(c.plain)) {
            return handoff(c, state);
        }
        if (state.confirming()) {
            return confirmingAnswer(c, state);
        }
        if (state.task() != null) {
            DialogueState filled = fill(c, state);
            if (!filled.slots().equals(state.slots())) {
                return next(c, filled.understood(true));
            }
            Optional<KnowledgeService.Answer> answer = knowledge.answer(text, language);
            if (answer.isPresent()) {
                Turn resumed = next(c, state.understood(true));
                return Turn.say(
                        answer.get().text() + "\n" + c.replies.text("and_then", resumed.reply()),
                        resumed.state(),
                        resumed.quickReplies().toArray(String[]::new));
            }
            return notUnderstood(c, state, next(c, state).reply());
        }
        return newTask(c, state);
    }

    /**
     * Goes on with a task whose slots another engine filled: asks for the one thing still missing, offers free
     * alternatives, or reads back the summary that awaits the guest's yes (the commit itself only ever follows a yes
     * the guest types, answered by {@link #respond}).
     */
    public Turn proceed(DialogueState state, String language, Channel channel, String conversationId) {
        return next(new Context("", language, channel, conversationId), state.confirming(false));
    }

    /** What one message brings: its words, what it mentions, and the language to answer in. */
    private final class Context {
        final String text;
        final String plain;
        final String language;
        final Channel channel;
        final String conversationId;
        final Replies replies;
        final Entities entities;
        final VenueFile venue;
        final ZonedDateTime now;
        final List<CatalogMatcher.Match> services;
        final List<CatalogMatcher.Match> menu;

        Context(String text, String language, Channel channel, String conversationId) {
            this.text = text;
            this.plain = Intents.plain(text);
            this.language = language;
            this.channel = channel;
            this.conversationId = conversationId;
            this.replies = Replies.in(language);
            this.venue = venues.venue();
            this.now = ZonedDateTime.now(clock.withZone(venue.venue().timezone()));
            String region = regionOf(venue);
            this.entities = new EntityExtractor(region).extract(text, language, now);
            this.services = new CatalogMatcher(venue.services().stream()
                            .map(s -> new CatalogMatcher.Entry(
                                    s.id(), names(s.name().byLanguage(), s.aliases())))
                            .toList())
                    .find(text);
            this.menu = new CatalogMatcher(venue.menu().stream()
                            .map(m -> new CatalogMatcher.Entry(
                                    m.id(), names(m.name().byLanguage(), m.aliases())))
                            .toList())
                    .find(text);
        }
    }

    private static List<String> names(Map<String, String> byLanguage, List<String> aliases) {
        List<String> names = new ArrayList<>(byLanguage.values());
        names.addAll(aliases);
        return names;
    }

    private static String regionOf(VenueFile venue) {
        return ContactKeys.forVenuePhone(venue.venue().phone()).defaultRegion();
    }

    // ---- starting a task ----------------------------------------------------------------------------------------

    private Turn newTask(Context c, DialogueState state) {
        if (!c.menu.isEmpty() || Intents.wantsToOrder(c.plain)) {
            return next(c, fill(c, state.withTask(ORDER)).understood(true));
        }
        if (!c.services.isEmpty() || Intents.wantsToBook(c.plain)) {
            return next(c, fill(c, state.withTask(BOOK_SERVICE)).understood(true));
        }
        if (Intents.greeting(c.plain) && c.text.length() < 40) {
            return Turn.say(
                    c.replies.text("greeting", c.venue.venue().name()),
                    state.understood(true),
                    c.replies.text("qr_book_massage"),
                    c.replies.text("qr_book_table"),
                    c.replies.text("qr_order"),
                    c.replies.text("qr_person"));
        }
        Optional<KnowledgeService.Answer> answer = knowledge.answer(c.text, c.language);
        if (answer.isPresent()) {
            return Turn.say(answer.get().text(), state.understood(true));
        }
        if (Intents.thanks(c.plain)) {
            return Turn.say(c.replies.text("thanks"), state.understood(true));
        }
        if (c.text.contains("?") || c.text.contains("¿")) {
            return Turn.say(
                    c.replies.text("not_known"),
                    state.understood(false),
                    c.replies.text("qr_person"),
                    c.replies.text("qr_no"));
        }
        return notUnderstood(c, state, null);
    }

    private Turn notUnderstood(Context c, DialogueState state, @Nullable String askAgain) {
        DialogueState after = state.understood(false);
        if (after.misunderstandings() >= MISUNDERSTANDINGS_BEFORE_HANDOFF) {
            return handoff(c, after);
        }
        String reply = c.replies.text("not_understood") + (askAgain == null ? "" : "\n" + askAgain);
        return Turn.say(reply, after, c.replies.text("qr_person"));
    }

    private Turn handoff(Context c, DialogueState state) {
        return new Turn(c.replies.text("handoff"), List.of(), true, state.done(), null, null);
    }

    // ---- filling the form ---------------------------------------------------------------------------------------

    /** The state with whatever this message says for the task's slots; a correction replaces the old value. */
    private DialogueState fill(Context c, DialogueState state) {
        Entities e = c.entities;
        DialogueState s = state;
        if (e.name() != null) {
            s = s.withSlot("name", e.name());
        }
        if (e.email() != null) {
            s = s.withSlot("email", e.email());
        }
        if (e.phone() != null) {
            s = s.withSlot("phone", e.phone());
        }
        if (BOOK_SERVICE.equals(s.task())) {
            if (!c.services.isEmpty()) {
                s = s.withSlot("service", c.services.get(0).id());
            }
            if (e.date() != null) {
                s = s.withSlot("date", e.date().toString());
            }
            if (e.time() != null) {
                s = s.withSlot("time", e.time().toString());
            }
            if (e.partySize() != null) {
                s = s.withSlot("party", e.partySize().toString());
            } else if ("party".equals(asking(c, s)) && e.numbers().size() == 1) {
                s = s.withSlot("party", e.numbers().get(0).toString());
            }
            if (asking(c, state) != null
                    && "name".equals(asking(c, state))
                    && e.name() == null
                    && looksLikeAName(c.text)) {
                s = s.withSlot("name", properCase(c.text.strip()));
            }
        } else if (ORDER.equals(s.task())) {
            if (!c.menu.isEmpty()) {
                Map<String, Integer> items = new LinkedHashMap<>(items(s));
                for (CatalogMatcher.Match match : c.menu) {
                    items.put(match.id(), match.quantity() == null ? 1 : match.quantity());
                }
                s = s.withSlot(
                        "items",
                        items.entrySet().stream()
                                .map(i -> i.getKey() + ":" + i.getValue())
                                .collect(Collectors.joining(",")));
            }
            if (e.roomNumber() != null) {
                s = s.withSlot("place", "room:" + e.roomNumber());
            } else if ("place".equals(asking(c, s)) && e.numbers().size() == 1) {
                s = s.withSlot("place", "room:" + e.numbers().get(0));
            }
            String payment = Intents.payment(c.plain);
            boolean askedPayment = "payment".equals(asking(c, state));
            if (!payment.isEmpty()
                    && (askedPayment
                            || !payment.equals("room")
                            || c.plain.contains("charge")
                            || c.plain.contains("carg"))) {
                s = s.withSlot("payment", payment);
            }
            if ("name".equals(asking(c, state)) && e.name() == null && looksLikeAName(c.text)) {
                s = s.withSlot("name", properCase(c.text.strip()));
            }
        }
        return s;
    }

    private static boolean looksLikeAName(String text) {
        String t = text.strip();
        return t.length() >= 2 && t.length() <= 60 && t.matches("[\\p{L} .'-]+") && t.split("\\s+").length <= 4;
    }

    private static String properCase(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    private static Map<String, Integer> items(DialogueState state) {
        String items = state.slot("items");
        Map<String, Integer> parsed = new LinkedHashMap<>();
        if (items != null && !items.isEmpty()) {
            for (String item : items.split(",")) {
                String[] parts = item.split(":");
                parsed.put(parts[0], Integer.parseInt(parts[1]));
            }
        }
        return parsed;
    }

    /** The slot the form asks for next, or null when it is complete. */
    private @Nullable String asking(Context c, DialogueState state) {
        if (BOOK_SERVICE.equals(state.task())) {
            String serviceId = state.slot("service");
            if (serviceId == null) {
                return "service";
            }
            if (state.slot("date") == null) {
                return "date";
            }
            if (state.slot("time") == null) {
                return "time";
            }
            if (state.slot("party") == null && service(c, serviceId).capacity() instanceof VenueFile.Covers) {
                return "party";
            }
            if (state.slot("name") == null) {
                return "name";
            }
            if (state.slot("phone") == null && state.slot("email") == null) {
                return "contact";
            }
            return null;
        }
        if (ORDER.equals(state.task())) {
            if (items(state).isEmpty()) {
                return "items";
            }
            if (state.slot("place") == null) {
                return "place";
            }
            if (state.slot("payment") == null) {
                return "payment";
            }
            if ("room".equals(state.slot("payment")) && state.slot("name") == null && c.channel != Channel.CONSOLE) {
                return "name";
            }
            return null;
        }
        return null;
    }

    private static VenueFile.Service service(Context c, String id) {
        return c.venue.services().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    // ---- asking the next thing ----------------------------------------------------------------------------------

    private Turn next(Context c, DialogueState state) {
        String missing = asking(c, state);
        if (BOOK_SERVICE.equals(state.task())) {
            return nextForBooking(c, state, missing);
        }
        if (ORDER.equals(state.task())) {
            return nextForOrder(c, state, missing);
        }
        return newTask(c, state);
    }

    private Turn nextForBooking(Context c, DialogueState state, @Nullable String missing) {
        Replies r = c.replies;
        if ("service".equals(missing)) {
            List<String> names = c.venue.services().stream()
                    .map(s -> s.name().in(c.language))
                    .toList();
            return Turn.say(
                    r.text("ask_service", String.join(", ", names)),
                    state,
                    names.stream().limit(4).toArray(String[]::new));
        }
        VenueFile.Service service = service(c, Objects.requireNonNull(state.slot("service")));
        int party = state.slot("party") == null ? 1 : Integer.parseInt(state.slot("party"));
        if (service.capacity() instanceof VenueFile.Covers covers && party > covers.maxParty()) {
            return Turn.say(
                    r.text("party_too_large", service.name().in(c.language), covers.maxParty()),
                    state.withSlot("party", null));
        }
        if ("date".equals(missing)) {
            return Turn.say(
                    r.text("ask_date"),
                    state,
                    dayName(c, c.now.toLocalDate()),
                    dayName(c, c.now.toLocalDate().plusDays(1)));
        }
        LocalDate date = LocalDate.parse(Objects.requireNonNull(state.slot("date")));
        if ("time".equals(missing)) {
            List<Slot> free = freeSlots(service, date, party);
            if (free.isEmpty()) {
                List<String> nearest = nearestFree(c, service, date, LocalTime.NOON, party);
                return Turn.say(r.text("ask_time_none", String.join(", ", nearest)), state.withSlot("date", null));
            }
            List<String> times = free.stream().map(s -> time(c, s)).limit(6).toList();
            return Turn.say(r.text("ask_time", String.join(", ", times)), state, times.toArray(String[]::new));
        }
        LocalTime time = LocalTime.parse(Objects.requireNonNull(state.slot("time")));
        ZoneId zone = c.venue.venue().timezone();
        boolean free = freeSlots(service, date, party).stream()
                .anyMatch(s -> s.start().equals(date.atTime(time).atZone(zone).toInstant()));
        if (!free) {
            List<String> nearest = nearestFree(c, service, date, time, party);
            return Turn.say(
                    r.text("slot_taken", String.join(", ", nearest)),
                    state.withSlot("time", null),
                    nearest.stream().limit(3).toArray(String[]::new));
        }
        if ("party".equals(missing)) {
            return Turn.say(r.text("ask_party"), state, "1", "2", "3", "4");
        }
        if ("name".equals(missing)) {
            return Turn.say(r.text("ask_name"), state);
        }
        if ("contact".equals(missing)) {
            return Turn.say(r.text("ask_contact"), state);
        }
        String summary = r.text(
                "confirm_booking",
                service.name().in(c.language),
                dayName(c, date),
                time.toString(),
                party,
                Objects.requireNonNullElse(state.slot("name"), ""));
        return Turn.say(
                summary,
                state.confirming(true).withSlot("key", c.conversationId + ":" + state.turns()),
                r.text("qr_yes"),
                r.text("qr_no"));
    }

    private List<Slot> freeSlots(VenueFile.Service service, LocalDate date, int party) {
        try {
            return bookings.freeSlots(service.id(), date, party);
        } catch (DomainException e) {
            return List.of();
        }
    }

    /** Free starts nearest to the wanted time: that day first, then the next days, as "Thu 12 Mar 10:00". */
    private List<String> nearestFree(
            Context c, VenueFile.Service service, LocalDate date, LocalTime wanted, int party) {
        ZoneId zone = c.venue.venue().timezone();
        List<Slot> found = new ArrayList<>(freeSlots(service, date, party));
        found.sort(Comparator.comparing((Slot s) -> Duration.between(
                        s.start(), date.atTime(wanted).atZone(zone).toInstant())
                .abs()));
        for (int ahead = 1; found.size() < 3 && ahead <= 14; ahead++) {
            found.addAll(freeSlots(service, date.plusDays(ahead), party));
        }
        return found.stream()
                .limit(3)
                .map(s -> {
                    LocalDateTime at = LocalDateTime.ofInstant(s.start(), zone);
                    return at.toLocalDate().equals(date) ? time(c, s) : dayName(c, at.toLocalDate()) + " " + time(c, s);
                })
                .toList();
    }

    private Turn nextForOrder(Context c, DialogueState state, @Nullable String missing) {
        Replies r = c.replies;
        if ("items".equals(missing)) {
            List<String> names = c.venue.menu().stream()
                    .map(m -> m.name().in(c.language))
                    .limit(6)
                    .toList();
            return Turn.say(
                    r.text("ask_items", String.join(", ", names)),
                    state,
                    names.stream().limit(4).toArray(String[]::new));
        }
        if ("place".equals(missing)) {
            return Turn.say(r.text("ask_where"), state);
        }
        if ("payment".equals(missing)) {
            return Turn.say(r.text("ask_payment"), state, r.text("pay_room"), r.text("pay_desk"), r.text("pay_card"));
        }
        if ("name".equals(missing)) {
            return Turn.say(r.text("ask_name"), state);
        }
        String summary = r.text(
                "confirm_order",
                itemsText(c, state),
                placeText(c, state),
                money(c, total(c, state)),
                paidText(c, state));
        return Turn.say(
                summary,
                state.confirming(true).withSlot("key", c.conversationId + ":" + state.turns()),
                r.text("qr_yes"),
                r.text("qr_no"));
    }

    private String itemsText(Context c, DialogueState state) {
        return items(state).entrySet().stream()
                .map(i -> i.getValue() + " × " + menuItem(c, i.getKey()).name().in(c.language))
                .collect(Collectors.joining(", "));
    }

    private static VenueFile.MenuItem menuItem(Context c, String id) {
        return c.venue.menu().stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private long total(Context c, DialogueState state) {
        long total = 0;
        for (Map.Entry<String, Integer> item : items(state).entrySet()) {
            total = Math.addExact(
                    total, Math.multiplyExact(menuItem(c, item.getKey()).price(), (long) item.getValue()));
        }
        return total;
    }

    private static String placeText(Context c, DialogueState state) {
        String place = Objects.requireNonNull(state.slot("place"));
        String[] parts = place.split(":", 2);
        return c.replies.text("room".equals(parts[0]) ? "place_room" : "place_table", parts[1]);
    }

    private static String paidText(Context c, DialogueState state) {
        return c.replies.text("paid_" + state.slot("payment"));
    }

    private static String money(Context c, long minorUnits) {
        NumberFormat format = NumberFormat.getCurrencyInstance(c.replies.locale());
        format.setCurrency(Currency.getInstance(c.venue.venue().currency()));
        return format.format(minorUnits / 100.0);
    }

    private static String dayName(Context c, LocalDate date) {
        String pattern = "es".equals(c.language) ? "EEEE d 'de' MMMM" : "EEEE d MMMM";
        return DateTimeFormatter.ofPattern(pattern, c.replies.locale()).format(date);
    }

    private static String time(Context c, Slot slot) {
        return LocalTime.ofInstant(slot.start(), c.venue.venue().timezone()).toString();
    }

    // ---- the guest's yes or no ------------------------------------------------------------------------------------

    private Turn confirmingAnswer(Context c, DialogueState state) {
        DialogueState corrected = fill(c, state);
        boolean changed = !withoutKey(corrected).equals(withoutKey(state));
        if (changed) {
            // "no, better at 6": a correction, read back again
            return next(c, corrected.confirming(false).understood(true));
        }
        if (c.entities.affirmative() && !c.entities.negative()) {
            return commit(c, state);
        }
        if (c.entities.negative()) {
            return Turn.say(c.replies.text("declined"), state.done());
        }
        return notUnderstood(c, state, next(c, state.confirming(false)).reply());
    }

    private static Map<String, String> withoutKey(DialogueState state) {
        Map<String, String> slots = new LinkedHashMap<>(state.slots());
        slots.remove("key");
        return slots;
    }

    private Turn commit(Context c, DialogueState state) {
        String key = state.slot("key");
        if (BOOK_SERVICE.equals(state.task())) {
            LocalDate date = LocalDate.parse(Objects.requireNonNull(state.slot("date")));
            LocalTime time = LocalTime.parse(Objects.requireNonNull(state.slot("time")));
            int party = state.slot("party") == null ? 1 : Integer.parseInt(state.slot("party"));
            try {
                BookingView booking = bookings.book(
                        new ReservationRequest(
                                state.slot("service"),
                                date.atTime(time).toString(),
                                party,
                                null,
                                null,
                                null,
                                null,
                                new ContactDetails(state.slot("name"), state.slot("email"), state.slot("phone")),
                                null,
                                null),
                        c.channel,
                        null,
                        key);
                return new Turn(
                        c.replies.text("booked", booking.reference(), dayName(c, date), time.toString()),
                        List.of(),
                        false,
                        state.done(),
                        booking,
                        null);
            } catch (DomainException e) {
                if ("slot_taken".equals(e.code())) {
                    return next(c, state.confirming(false).withSlot("time", null));
                }
                return Turn.say(
                        Objects.requireNonNullElse(e.getMessage(), ""),
                        state.confirming(false).withSlot("time", null));
            } catch (InvalidFieldsException e) {
                return Turn.say(
                        c.replies.text("ask_contact"),
                        state.confirming(false).withSlot("phone", null).withSlot("email", null));
            }
        }
        if (ORDER.equals(state.task())) {
            String[] place = Objects.requireNonNull(state.slot("place")).split(":", 2);
            List<OrderRequest.Line> lines = items(state).entrySet().stream()
                    .map(i -> new OrderRequest.Line(i.getKey(), i.getValue()))
                    .toList();
            String name = state.slot("name");
            try {
                OrderView order = orders.place(
                        new OrderRequest(
                                lines,
                                "room".equals(place[0]) ? place[1] : null,
                                "table".equals(place[0]) ? place[1] : null,
                                new OrderRequest.Payment(state.slot("payment")),
                                name == null
                                        ? null
                                        : new ContactDetails(name, state.slot("email"), state.slot("phone")),
                                null),
                        c.channel,
                        null,
                        key);
                return new Turn(
                        c.replies.text(
                                "ordered",
                                order.reference(),
                                itemsText(c, state),
                                money(c, order.total().amount()),
                                placeText(c, state)),
                        List.of(),
                        false,
                        state.done(),
                        null,
                        order);
            } catch (DomainException e) {
                String reply = switch (e.code()) {
                    case "no_guest_in_room" -> c.replies.text("no_guest_in_room", place[1]);
                    case "not_the_guest_in_room" -> c.replies.text("not_the_guest");
                    case "not_served_now" ->
                        c.replies.text("not_served", Objects.requireNonNullElse(e.getMessage(), ""));
                    default -> Objects.requireNonNullElse(e.getMessage(), "");
                };
                DialogueState retry =
                        e.code().contains("room") ? state.confirming(false).withSlot("payment", null) : state.done();
                return Turn.say(reply, retry, c.replies.text("pay_desk"), c.replies.text("pay_card"));
            }
        }
        return Turn.say(c.replies.text("declined"), state.done());
    }
}
