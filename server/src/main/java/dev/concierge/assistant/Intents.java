package dev.concierge.assistant;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What a message asks for, from its words in either language (accents and case ignored). */
final class Intents {
    private static final Pattern PERSON = words(
            "talk to",
            "talk with",
            "speak to",
            "speak with",
            "real person",
            "a human",
            "human being",
            "an agent",
            "live agent",
            "member of staff",
            "staff member",
            "put me through",
            "reception",
            "receptionist",
            "hablar con",
            "persona real",
            "un humano",
            "un agente",
            "alguien del equipo",
            "alguien de recepcion",
            "me pasas con",
            "pasame con",
            "paseme con",
            "recepcion",
            "recepcionista");
    private static final Pattern FRUSTRATED = words(
            "useless",
            "stupid",
            "ridiculous",
            "this is not helping",
            "not helpful",
            "you don't understand",
            "inutil",
            "estupido",
            "no me entiendes",
            "no sirves",
            "que desastre");
    private static final Pattern GREETING = Pattern.compile(
            "^(hi|hello|hey|good (morning|afternoon|evening)|hola|buenas|buenos dias|buenas (tardes|noches))\\b.*");
    private static final Pattern THANKS = words("thank", "thanks", "thank you", "cheers", "gracias", "muchas gracias");
    private static final Pattern BOOK = words(
            "book",
            "booking",
            "reserve",
            "reservation",
            "appointment",
            "table for",
            "reservar",
            "reserva",
            "cita",
            "mesa para");
    private static final Pattern ORDER = words(
            "order",
            "bring me",
            "bring us",
            "room service",
            "hungry",
            "something to eat",
            "pedir",
            "pedido",
            "traer",
            "traigan",
            "traiganme",
            "servicio de habitaciones",
            "tengo hambre");

    private static final Pattern CANCEL =
            words("cancel", "cancellation", "call off", "cancelar", "cancela", "anular", "anula");
    private static final Pattern CHANGE = words(
            "change",
            "move",
            "modify",
            "reschedule",
            "postpone",
            "another time",
            "another day",
            "cambiar",
            "cambia",
            "mover",
            "modificar",
            "aplazar",
            "otra hora",
            "otro dia");
    private static final Pattern A_BOOKING =
            words("booking", "reservation", "appointment", "my stay", "reserva", "cita", "mi estancia");
    private static final Pattern ROOM = words(
            "a room",
            "rooms",
            "room for",
            "double room",
            "single room",
            "stay",
            "nights",
            "overnight",
            "una habitacion",
            "habitaciones",
            "habitacion doble",
            "habitacion para",
            "alojamiento",
            "alojarnos",
            "hospedarnos",
            "noches",
            "quedarnos",
            "suite");
    private static final Pattern WEDDING = words("wedding", "weddings", "boda", "bodas");
    private static final Pattern EVENT = words(
            "event",
            "events",
            "conference",
            "meeting room",
            "birthday party",
            "celebration",
            "evento",
            "eventos",
            "conferencia",
            "congreso",
            "sala de reuniones",
            "fiesta",
            "celebracion");
    private static final Pattern GROUP = words("group", "groups", "grupo", "grupos");
    private static final Pattern CALLBACK = words(
            "call me",
            "call me back",
            "contact me",
            "get back to me",
            "get in touch",
            "leave my details",
            "leave my number",
            "leave my contact",
            "quote",
            "llamadme",
            "llamame",
            "contactadme",
            "contactame",
            "me llamen",
            "me contacten",
            "dejar mis datos",
            "me pueden contactar",
            "me podeis contactar",
            "pueden contactarme",
            "podeis contactarme",
            "me pueden llamar",
            "me podeis llamar",
            "dejaros mis datos",
            "presupuesto");
    private static final Pattern QUESTION = Pattern.compile(
            "\\?|^\\s*(what|when|where|which|how|who|why|do|does|is|are|can|could|may|que|cuando|donde|cual|como|"
                    + "quien|por que|cuanto|cuanta|cuantos|cuantas|hay|tienen|teneis|puedo|se puede)\\b");

    private Intents() {}

    private static Pattern words(String... phrases) {
        return Pattern.compile("\\b(" + String.join("|", List.of(phrases)) + ")\\b");
    }

    /** Lower case without accents, so that "recepción" and "recepcion" read the same. */
    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    static boolean wantsPerson(String plain) {
        return PERSON.matcher(plain).find();
    }

    static boolean frustrated(String plain) {
        return FRUSTRATED.matcher(plain).find();
    }

    static boolean greeting(String plain) {
        return GREETING.matcher(plain.strip()).matches();
    }

    static boolean thanks(String plain) {
        return THANKS.matcher(plain).find();
    }

    static boolean wantsToBook(String plain) {
        return BOOK.matcher(plain).find();
    }

    static boolean wantsToOrder(String plain) {
        return ORDER.matcher(plain).find();
    }

    static boolean wantsToCancel(String plain) {
        return CANCEL.matcher(plain).find();
    }

    static boolean wantsToChange(String plain) {
        return CHANGE.matcher(plain).find();
    }

    /** The guest speaks of a booking they have ("my booking", "la reserva"). */
    static boolean aboutABooking(String plain) {
        return A_BOOKING.matcher(plain).find();
    }

    /** A stay rather than a table or a treatment; "room service" and "room 12" are not. */
    static boolean wantsRoom(String plain) {
        String withoutRoomAsPlace = plain.replaceAll("\\b(room service|servicio de habitaciones)\\b", " ")
                .replaceAll("\\b(room|habitacion)\\s*(number|numero|no\\.?|#)?\\s*\\d+", " ")
                .replaceAll("\\b(my|the|our|to|mi|la|nuestra) (room|habitacion)\\b", " ");
        return ROOM.matcher(withoutRoomAsPlace).find();
    }

    /** What a guest who wants to be contacted is after: wedding, event, group or callback; null for none. */
    static @Nullable String leadIntent(String plain) {
        if (WEDDING.matcher(plain).find()) {
            return "wedding";
        }
        if (EVENT.matcher(plain).find()) {
            return "event";
        }
        if (GROUP.matcher(plain).find()) {
            return "group";
        }
        if (CALLBACK.matcher(plain).find()) {
            return "callback";
        }
        return null;
    }

    private static final Pattern ACT = words(
            "i want",
            "i'd like",
            "i would like",
            "we want",
            "we'd like",
            "can i",
            "could i",
            "can we",
            "could we",
            "may i",
            "please",
            "quiero",
            "queremos",
            "quisiera",
            "quisieramos",
            "me gustaria",
            "nos gustaria",
            "puedo",
            "podemos",
            "podria",
            "por favor");

    /**
     * The guest asks for something to be done ("can I order…", "quisiera reservar…"), not about something: a
     * request, even when phrased as a question.
     */
    static boolean asksToAct(String plain) {
        return wantsToBook(plain)
                || wantsToOrder(plain)
                || wantsToCancel(plain)
                || wantsToChange(plain)
                || ACT.matcher(plain).find();
    }

    /** The guest asks to be called or contacted back, whatever about. */
    static boolean wantsCallback(String plain) {
        return CALLBACK.matcher(plain).find();
    }

    private static final Pattern AVAILABILITY = words(
            "available",
            "availability",
            "free",
            "any left",
            "vacancy",
            "vacancies",
            "libre",
            "libres",
            "disponible",
            "disponibles",
            "disponibilidad",
            "queda",
            "quedan");

    /** "Do you have a room free?", "¿quedan mesas?": a question that is the start of booking. */
    static boolean asksAvailability(String plain) {
        return AVAILABILITY.matcher(plain).find();
    }

    /** Asked as a question: a question mark, or opening with a question word in either language. */
    static boolean question(String plain) {
        return QUESTION.matcher(plain).find();
    }

    /**
     * How the guest wants to pay, from their words: {@code room} (a charge to the room), {@code desk} (on delivery)
     * or {@code card}; empty when not said. "Room" alone names where to bring it, unless the guest was just asked how
     * to pay ({@code askedPayment}).
     */
    static String payment(String plain, boolean askedPayment) {
        if (plain.matches(".*\\b(card|tarjeta|credit|credito)\\b.*")) {
            return "card";
        }
        if (plain.matches(".*\\b(charge|charged|bill|cargo|cargar|cargue|cargadlo|cargalo|cuenta)\\b.*")) {
            return "room";
        }
        if (plain.matches(".*\\b(delivery|cash|desk|deliver|entrega|efectivo|recepcion|metalico)\\b.*")) {
            return "desk";
        }
        if (askedPayment && plain.matches(".*\\b(room|habitacion)\\b.*")) {
            return "room";
        }
        return "";
    }
}
