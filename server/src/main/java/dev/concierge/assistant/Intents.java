package dev.concierge.assistant;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a message asks for, from its words in either language (accents and case ignored). */
final class Intents {
    private static final Pattern PERSON = words(
            "person",
            "human",
            "agent",
            "staff",
            "someone",
            "somebody",
            "talk to",
            "speak to",
            "speak with",
            "real person",
            "reception",
            "receptionist",
            "persona",
            "humano",
            "agente",
            "alguien",
            "hablar con",
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

    /** How the guest wants to pay, from their words: room, desk (on delivery) or card; null when not said. */
    static String payment(String plain) {
        if (plain.matches(".*\\b(card|tarjeta|credit|credito)\\b.*")) {
            return "card";
        }
        if (plain.matches(".*\\b(charge|room|habitacion|cargo|cargar|cargue)\\b.*")) {
            return "room";
        }
        if (plain.matches(".*\\b(delivery|cash|desk|entrega|efectivo|recepcion|deliver)\\b.*")) {
            return "desk";
        }
        return "";
    }
}
