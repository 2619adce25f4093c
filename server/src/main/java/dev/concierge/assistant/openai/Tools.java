package dev.concierge.assistant.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import dev.concierge.api.Money;
import dev.concierge.api.RoomAvailability;
import dev.concierge.assistant.DialogueState;
import dev.concierge.booking.BookingService;
import dev.concierge.booking.Slot;
import dev.concierge.common.DomainException;
import dev.concierge.crm.ContactKeys;
import dev.concierge.knowledge.KnowledgeService;
import dev.concierge.venue.VenueFile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The functions the model may call, each with the JSON schema of its arguments, and what calling one does. Read-only
 * tools answer with JSON from the real services; the tools that would change something never do: they answer with the
 * dialogue's state of the matching task (slot names as {@link DialogueState} lists them), which the local engine then
 * asks about, reads back and, after the guest's yes, commits.
 */
final class Tools {
    static final String CHECK_AVAILABILITY = "check_availability";
    static final String CHECK_ROOMS = "check_rooms";
    static final String BOOK_SERVICE = "book_service";
    static final String BOOK_ROOM = "book_room";
    static final String CHANGE_BOOKING = "change_booking";
    static final String CANCEL_BOOKING = "cancel_booking";
    static final String ORDER = "order_from_menu";
    static final String SAVE_CONTACT = "save_contact_details";
    static final String SEARCH_KNOWLEDGE = "search_knowledge";
    static final String HAND_OFF = "hand_off";

    /** The tasks of {@link DialogueState}, by the tool that fills them. */
    private static final Map<String, String> TASKS = Map.of(
            BOOK_SERVICE, "book_service",
            BOOK_ROOM, "book_room",
            CHANGE_BOOKING, "manage_booking",
            CANCEL_BOOKING, "manage_booking",
            ORDER, "order",
            SAVE_CONTACT, "lead");

    private static final List<String> PAYMENTS = List.of("room", "desk", "card");
    private static final List<String> LEAD_INTENTS = List.of("wedding", "event", "group", "callback", "information");
    private static final int MOST_FREE_TIMES = 24;

    private final BookingService bookings;
    private final KnowledgeService knowledge;
    private final ObjectMapper json;

    Tools(BookingService bookings, KnowledgeService knowledge, ObjectMapper json) {
        this.bookings = bookings;
        this.knowledge = knowledge;
        this.json = json;
    }

    /** What one call does to the turn. */
    sealed interface Outcome permits Answer, Command, HandOff {}

    /**
     * JSON for the model, which goes on; {@code knowledgeId} is the entry a search found, {@code searchedInVain}
     * whether a search found nothing.
     */
    record Answer(String json, @Nullable String knowledgeId, boolean searchedInVain) implements Outcome {}

    /** The dialogue's state for a task: the local engine asks on, or reads back what awaits the guest's yes. */
    record Command(DialogueState state) implements Outcome {}

    /** The guest asked for a person. */
    record HandOff() implements Outcome {}

    // ---- the definitions the model sees ----------------------------------------------------------------------------

    List<FunctionDefinition> definitions(VenueFile venue) {
        List<String> services =
                venue.services().stream().map(VenueFile.Service::id).toList();
        List<String> rooms = venue.rooms().stream().map(VenueFile.RoomType::id).toList();
        List<String> menu = venue.menu().stream().map(VenueFile.MenuItem::id).toList();
        Map<String, Object> item = object(properties(
                "item", oneOf(menu, "menu item id"),
                "quantity", integer("how many, 1 to 20")));
        return List.of(
                function(
                        CHECK_AVAILABILITY,
                        "Free start times of a bookable service (spa, restaurant table, court...) on one day.",
                        properties(
                                "service", oneOf(services, "service id"),
                                "date", text("the day, YYYY-MM-DD"),
                                "party", nullable(integer("how many people, when it matters")))),
                function(
                        CHECK_ROOMS,
                        "Room types free for every night of a stay, with the nightly rate and the total.",
                        properties(
                                "checkIn", text("arrival day, YYYY-MM-DD"),
                                "checkOut", text("departure day, YYYY-MM-DD"),
                                "guests", integer("how many guests"))),
                function(
                        BOOK_SERVICE,
                        "Book a service slot for the guest. Give every detail the guest said (null for the rest);"
                                + " the venue's system asks for what is missing and reads the booking back for the"
                                + " guest's yes. Nothing is booked by this call.",
                        properties(
                                "service", nullable(oneOf(services, "service id")),
                                "date", nullable(text("YYYY-MM-DD")),
                                "time", nullable(text("HH:mm, 24-hour")),
                                "party", nullable(integer("how many people")),
                                "name", nullable(text("the guest's full name")),
                                "email", nullable(text("the guest's e-mail")),
                                "phone", nullable(text("the guest's phone, with country code if given")))),
                function(
                        BOOK_ROOM,
                        "Book a room stay for the guest. Give every detail the guest said (null for the rest); the"
                                + " venue's system asks for what is missing and reads the stay back for the guest's"
                                + " yes. Nothing is booked by this call.",
                        properties(
                                "room", nullable(oneOf(rooms, "room type id")),
                                "checkIn", nullable(text("arrival day, YYYY-MM-DD")),
                                "checkOut", nullable(text("departure day, YYYY-MM-DD")),
                                "guests", nullable(integer("how many guests")),
                                "name", nullable(text("the guest's full name")),
                                "email", nullable(text("the guest's e-mail")),
                                "phone", nullable(text("the guest's phone")))),
                function(
                        CHANGE_BOOKING,
                        "Move an existing booking. The guest proves it is theirs with the e-mail or phone it was"
                                + " made with. The venue's system reads the change back for the guest's yes.",
                        properties(
                                "reference", text("the booking reference"),
                                "email", nullable(text("e-mail the booking was made with")),
                                "phone", nullable(text("phone the booking was made with")),
                                "newDate", nullable(text("new day (a slot) or new arrival (a stay), YYYY-MM-DD")),
                                "newTime", nullable(text("new time of a slot, HH:mm")),
                                "newCheckOut", nullable(text("new departure of a stay, YYYY-MM-DD")))),
                function(
                        CANCEL_BOOKING,
                        "Cancel an existing booking. The guest proves it is theirs with the e-mail or phone it was"
                                + " made with. The venue's system reads it back for the guest's yes.",
                        properties(
                                "reference", text("the booking reference"),
                                "email", nullable(text("e-mail the booking was made with")),
                                "phone", nullable(text("phone the booking was made with")))),
                function(
                        ORDER,
                        "Order food or drinks from the menu. Give the whole order so far; the venue's system asks for"
                                + " what is missing and reads the order back for the guest's yes.",
                        properties(
                                "items", array(item, "the items and quantities; empty when none named yet"),
                                "room", nullable(text("room number to deliver to")),
                                "table", nullable(text("table number to serve at")),
                                "payment", nullable(oneOf(PAYMENTS, "charge to the room, pay at the desk, or card")),
                                "name", nullable(text("the guest's name (needed to charge a room)")),
                                "email", nullable(text("the guest's e-mail")),
                                "phone", nullable(text("the guest's phone")))),
                function(
                        SAVE_CONTACT,
                        "Leave the guest's details for the team to get back to them (events, groups, weddings, a"
                                + " call back, a question you cannot answer). Kept only with the guest's consent,"
                                + " which the venue's system asks for.",
                        properties(
                                "name", nullable(text("the guest's name")),
                                "email", nullable(text("the guest's e-mail")),
                                "phone", nullable(text("the guest's phone")),
                                "intent", nullable(oneOf(LEAD_INTENTS, "what it is about")),
                                "notes", nullable(text("what the guest wants, in their words")),
                                "consent", nullable(bool("whether the guest agreed to be contacted")))),
                function(
                        SEARCH_KNOWLEDGE,
                        "Search the venue's own answers (hours, policies, prices, facilities, directions). Use it"
                                + " for every question about the venue.",
                        properties("question", text("the guest's question, in their words"))),
                function(
                        HAND_OFF,
                        "Hand the conversation to a person at the desk, when the guest asks for one or you cannot"
                                + " help.",
                        properties("reason", nullable(text("why, in a few words")))));
    }

    private static FunctionDefinition function(String name, String description, Map<String, Object> properties) {
        FunctionParameters.Builder parameters = FunctionParameters.builder();
        object(properties).forEach((key, value) -> parameters.putAdditionalProperty(key, JsonValue.from(value)));
        // strict: the model's arguments follow the schema exactly (every property present, null when not said)
        return FunctionDefinition.builder()
                .name(name)
                .description(description)
                .parameters(parameters.build())
                .strict(true)
                .build();
    }

    private static Map<String, Object> properties(Object... namesAndSchemas) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            properties.put((String) namesAndSchemas[i], namesAndSchemas[i + 1]);
        }
        return properties;
    }

    private static Map<String, Object> object(Map<String, Object> properties) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.copyOf(properties.keySet()));
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> text(String description) {
        return Map.of("type", "string", "description", description);
    }

    private static Map<String, Object> integer(String description) {
        return Map.of("type", "integer", "description", description);
    }

    private static Map<String, Object> bool(String description) {
        return Map.of("type", "boolean", "description", description);
    }

    private static Map<String, Object> oneOf(List<String> values, String description) {
        return Map.of("type", "string", "enum", values, "description", description);
    }

    private static Map<String, Object> array(Map<String, Object> items, String description) {
        return Map.of("type", "array", "items", items, "description", description);
    }

    private static Map<String, Object> nullable(Map<String, Object> schema) {
        return Map.of("anyOf", List.of(schema, Map.of("type", "null")));
    }

    // ---- what a call does ------------------------------------------------------------------------------------------

    /**
     * What calling {@code name} with {@code arguments} gives, in a dialogue standing at {@code state}; an unknown
     * tool or an argument the domain would not take is an error answer for the model, never a commit.
     */
    Outcome run(String name, String arguments, DialogueState state, String language, VenueFile venue) {
        try {
            Arguments args = Arguments.parse(
                    arguments, json, ContactKeys.forVenuePhone(venue.venue().phone()));
            return switch (name) {
                case CHECK_AVAILABILITY -> availability(args, venue);
                case CHECK_ROOMS -> rooms(args, language, venue);
                case SEARCH_KNOWLEDGE -> search(args, language);
                case HAND_OFF -> new HandOff();
                case BOOK_SERVICE, BOOK_ROOM, CHANGE_BOOKING, CANCEL_BOOKING, ORDER, SAVE_CONTACT ->
                    new Command(fill(name, args, state, venue));
                default -> error("there is no tool named " + name);
            };
        } catch (Arguments.BadArgument e) {
            return error(Objects.requireNonNullElse(e.getMessage(), "bad arguments"));
        }
    }

    private Answer availability(Arguments args, VenueFile venue) {
        String service = args.oneOf("service", ids(venue.services(), VenueFile.Service::id));
        String date = args.date("date");
        if (service == null || date == null) {
            throw new Arguments.BadArgument("service and date are required");
        }
        String party = args.count("party", 1, 500);
        ZoneId zone = venue.venue().timezone();
        try {
            List<Slot> free =
                    bookings.freeSlots(service, LocalDate.parse(date), party == null ? 1 : Integer.parseInt(party));
            ObjectNode answer = json.createObjectNode().put("service", service).put("date", date);
            ArrayNode times = answer.putArray("freeStartTimes");
            free.stream()
                    .limit(MOST_FREE_TIMES)
                    .forEach(slot ->
                            times.add(LocalTime.ofInstant(slot.start(), zone).toString()));
            if (free.isEmpty()) {
                answer.put("note", "nothing free that day");
            }
            return answer(answer);
        } catch (DomainException e) {
            return error(Objects.requireNonNullElse(e.getMessage(), e.code()));
        }
    }

    private Answer rooms(Arguments args, String language, VenueFile venue) {
        String checkIn = args.date("checkIn");
        String checkOut = args.date("checkOut");
        String guests = args.count("guests", 1, 50);
        if (checkIn == null || checkOut == null || guests == null) {
            throw new Arguments.BadArgument("checkIn, checkOut and guests are required");
        }
        try {
            RoomAvailability offers = bookings.roomOffers(
                    LocalDate.parse(checkIn), LocalDate.parse(checkOut), Integer.parseInt(guests), language);
            ObjectNode answer = json.createObjectNode().put("checkIn", checkIn).put("checkOut", checkOut);
            ArrayNode rooms = answer.putArray("rooms");
            for (RoomAvailability.RoomOffer offer : offers.rooms()) {
                rooms.addObject()
                        .put("room", offer.roomTypeId())
                        .put("name", offer.name())
                        .put("roomsFree", offer.available())
                        .put("nightlyRate", money(offer.nightlyRate(), venue))
                        .put("total", money(offer.total(), venue));
            }
            return answer(answer);
        } catch (DomainException e) {
            return error(Objects.requireNonNullElse(e.getMessage(), e.code()));
        }
    }

    private Answer search(Arguments args, String language) {
        Optional<KnowledgeService.Answer> found = knowledge.answer(args.required("question"), language);
        ObjectNode answer = json.createObjectNode().put("found", found.isPresent());
        if (found.isEmpty()) {
            answer.put("note", "the venue has no answer to this; say so and offer a person");
            return new Answer(write(answer), null, true);
        }
        answer.put("answer", found.get().text());
        return new Answer(write(answer), found.get().entryId(), false);
    }

    /** The state of the tool's task: what was said before for the same task, with what the call adds or corrects. */
    private static DialogueState fill(String tool, Arguments args, DialogueState state, VenueFile venue) {
        String task = Objects.requireNonNull(TASKS.get(tool));
        DialogueState s = task.equals(state.task()) ? state.confirming(false) : state.withTask(task);
        switch (tool) {
            case BOOK_SERVICE -> {
                s = set(s, "service", args.oneOf("service", ids(venue.services(), VenueFile.Service::id)));
                s = set(s, "date", args.date("date"));
                s = set(s, "time", args.time("time"));
                s = set(s, "party", args.count("party", 1, 500));
                s = contact(s, args);
            }
            case BOOK_ROOM -> {
                s = set(s, "room", args.oneOf("room", ids(venue.rooms(), VenueFile.RoomType::id)));
                s = set(s, "checkIn", args.date("checkIn"));
                s = set(s, "checkOut", args.date("checkOut"));
                s = set(s, "guests", args.count("guests", 1, 50));
                s = contact(s, args);
            }
            case CHANGE_BOOKING, CANCEL_BOOKING -> {
                DialogueState before = s;
                s = set(s, "reference", args.required("reference").toUpperCase(Locale.ROOT));
                s = set(s, "email", args.email("email"));
                s = set(s, "phone", args.phone("phone"));
                if (!Objects.equals(before.slot("reference"), s.slot("reference"))
                        || !Objects.equals(before.slot("email"), s.slot("email"))
                        || !Objects.equals(before.slot("phone"), s.slot("phone"))) {
                    s = s.withSlot("booking", null); // another booking, or proof to check again
                }
                s = s.withSlot("action", CANCEL_BOOKING.equals(tool) ? "cancel" : "change");
                if (CHANGE_BOOKING.equals(tool)) {
                    // the change form keeps a slot's new day and a stay's new arrival in "date"
                    s = set(s, "date", args.date("newDate"));
                    s = set(s, "time", args.time("newTime"));
                    s = set(s, "checkOut", args.date("newCheckOut"));
                }
            }
            case ORDER -> {
                s = set(s, "items", items(args, venue));
                String room = args.text("room");
                String table = args.text("table");
                if (room != null && table != null) {
                    throw new Arguments.BadArgument("give a room or a table, not both");
                }
                s = set(
                        s,
                        "place",
                        room != null ? "room:" + place(room) : table != null ? "table:" + place(table) : null);
                s = set(s, "payment", args.oneOf("payment", PAYMENTS));
                s = contact(s, args);
            }
            case SAVE_CONTACT -> {
                if (Boolean.FALSE.equals(args.flag("consent"))) {
                    throw new Arguments.BadArgument(
                            "the details are kept only if the guest agrees to be contacted; do not save them");
                }
                s = contact(s, args);
                s = set(s, "intent", args.oneOf("intent", LEAD_INTENTS));
                s = set(s, "notes", args.text("notes"));
            }
            default -> throw new IllegalArgumentException(tool);
        }
        return s.understood(true);
    }

    private static DialogueState contact(DialogueState state, Arguments args) {
        DialogueState s = set(state, "name", args.text("name"));
        s = set(s, "email", args.email("email"));
        return set(s, "phone", args.phone("phone"));
    }

    /** A slot the call names; what it leaves out (null) stays as it was. */
    private static DialogueState set(DialogueState state, String slot, @Nullable String value) {
        return value == null ? state : state.withSlot(slot, value);
    }

    /** {@code id:quantity,...} as the order form keeps them, or null when the call names none. */
    private static @Nullable String items(Arguments args, VenueFile venue) {
        JsonNode items = args.node("items");
        if (items.isMissingNode() || items.isNull()) {
            return null;
        }
        if (!items.isArray()) {
            throw new Arguments.BadArgument("items must be a list");
        }
        List<String> menu = ids(venue.menu(), VenueFile.MenuItem::id);
        Map<String, Long> quantities = new LinkedHashMap<>();
        for (JsonNode item : items) {
            String id = item.path("item").asText("");
            if (!menu.contains(id)) {
                throw new Arguments.BadArgument(
                        "item '" + id + "' is not on the menu; the menu ids are " + String.join(", ", menu));
            }
            JsonNode quantity = item.path("quantity");
            if (!quantity.canConvertToExactIntegral() || quantity.asLong() < 1 || quantity.asLong() > 20) {
                throw new Arguments.BadArgument("the quantity of " + id + " must be a whole number from 1 to 20");
            }
            quantities.merge(id, quantity.asLong(), Long::sum);
        }
        if (quantities.isEmpty()) {
            return null;
        }
        StringJoiner joined = new StringJoiner(",");
        quantities.forEach((id, quantity) -> joined.add(id + ":" + quantity));
        return joined.toString();
    }

    private static String place(String number) {
        if (!number.matches("[A-Za-z0-9-]{1,10}")) {
            throw new Arguments.BadArgument("a room or table number is up to 10 letters or digits");
        }
        return number;
    }

    private static <T> List<String> ids(List<T> catalogue, Function<T, String> id) {
        List<String> ids = new ArrayList<>();
        catalogue.forEach(entry -> ids.add(id.apply(entry)));
        return ids;
    }

    private static String money(Money money, VenueFile venue) {
        int digits = Currency.getInstance(venue.venue().currency()).getDefaultFractionDigits();
        return BigDecimal.valueOf(money.amount(), digits).toPlainString() + " " + money.currency();
    }

    private Answer answer(ObjectNode node) {
        return new Answer(write(node), null, false);
    }

    private Answer error(String message) {
        return new Answer(write(json.createObjectNode().put("error", message)), null, false);
    }

    private String write(JsonNode node) {
        return node.toString();
    }
}
