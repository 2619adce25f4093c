package dev.concierge.console.inbox;

import java.util.List;
import java.util.Map;

/**
 * The few sentences the desk writes all day, in English and Spanish: one key (Alt+1 … Alt+5) or a click puts one in
 * the reply box in the guest's language, to send as it is or finish first.
 */
final class CannedReplies {
    /** One canned reply: a short title for the list, the text by language ({@code {name}}: the member of staff). */
    record Reply(String title, Map<String, String> text) {
        String in(String language, String staffName) {
            String written = text.containsKey(language) ? text.get(language) : text.get("en");
            return java.util.Objects.requireNonNull(written, title).replace("{name}", staffName);
        }
    }

    static final List<Reply> ALL = List.of(
            new Reply(
                    "Hello",
                    Map.of(
                            "en", "Hello, this is {name} at the front desk. How can I help you?",
                            "es", "Hola, soy {name}, de recepción. ¿En qué puedo ayudarle?")),
            new Reply(
                    "One moment",
                    Map.of(
                            "en", "One moment, please: I am checking that for you.",
                            "es", "Un momento, por favor: lo estoy comprobando.")),
            new Reply(
                    "Booked",
                    Map.of(
                            "en", "It is booked. You will get the confirmation by e-mail.",
                            "es", "Ya está reservado. Recibirá la confirmación por correo electrónico.")),
            new Reply(
                    "On our way",
                    Map.of(
                            "en", "Someone from the front desk is on the way to you.",
                            "es", "Alguien de recepción va de camino.")),
            new Reply(
                    "Anything else",
                    Map.of(
                            "en", "Thank you! Is there anything else I can do for you?",
                            "es", "¡Gracias! ¿Puedo ayudarle en algo más?")));

    private CannedReplies() {}
}
