package dev.concierge.bench;

import java.util.List;

/**
 * The guests' conversations the assistant's benchmarks replay against the demo hotel with its clock frozen at
 * Tuesday 10 March 2026, 12:00 (the conversation suite's day): knowledge questions, a service booking step by step up
 * to its read-back (then a no, so that a long run never fills the spa), an order through to the yes, small talk and
 * typos, in English and Spanish. Every line is one that the conversation suite checks the engine understands.
 */
final class ChatScripts {
    /** The moment the clock is frozen at, venue-local (what {@code CONCIERGE_NOW} takes). */
    static final String NOW = "2026-03-10T12:00";

    /** One guest's conversation: the messages they send, in order. */
    record Script(String name, String language, List<String> lines) {
        Script {
            lines = List.copyOf(lines);
        }
    }

    static final List<Script> ALL = List.of(
            new Script(
                    "questions",
                    "en",
                    List.of(
                            "Hello!",
                            "What time is check-out?",
                            "is there parking at the hotel? how much?",
                            "what's the wifi password",
                            "thank you")),
            new Script(
                    "massage step by step",
                    "en",
                    List.of(
                            "I'd like to book a massage",
                            "Thursday",
                            "half past two",
                            "Peter Brown",
                            "+44 7700 900123",
                            "no")),
            new Script(
                    "order to the room",
                    "en",
                    List.of("Can I order two club sandwiches to room 12?", "Pay on delivery", "yes please")),
            new Script(
                    "typos and a digression",
                    "en",
                    List.of(
                            "book a masage for tomorrow please",
                            "what time is chek-in",
                            "at 3pm",
                            "Omar Haddad, omar.suite@example.com",
                            "no")),
            new Script(
                    "preguntas",
                    "es",
                    List.of(
                            "Hola, buenas tardes",
                            "¿A qué hora es la salida?",
                            "¿cuál es la clave del wifi?",
                            "¿Se admiten perros?")),
            new Script(
                    "facial paso a paso",
                    "es",
                    List.of(
                            "Me gustaría reservar un tratamiento facial",
                            "el jueves",
                            "a las 5 de la tarde",
                            "Pablo Ruiz",
                            "pablo.suite@example.com",
                            "no, gracias")),
            new Script(
                    "pedido paso a paso",
                    "es",
                    List.of("quiero pedir algo", "una hamburguesa y una cerveza", "a la 215", "con tarjeta", "sí")),
            new Script(
                    "mesa para cuatro",
                    "es",
                    List.of(
                            "Una mesa para cenar el viernes a las 9 de la noche para cuatro",
                            "Me llamo Jorge Sanz",
                            "612 345 678",
                            "no")));

    /** Turns in one pass over every script. */
    static int turns() {
        return ALL.stream().mapToInt(s -> s.lines().size()).sum();
    }

    private ChatScripts() {}
}
