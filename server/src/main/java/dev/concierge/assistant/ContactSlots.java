package dev.concierge.assistant;

import dev.concierge.api.ContactDetails;
import dev.concierge.assistant.local.Entities;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The name, e-mail and phone every form that books or records a guest collects the same way. */
final class ContactSlots {
    static final String NAME = "name";
    /** Asked as one question: a phone or an e-mail, whichever the guest prefers. */
    static final String CONTACT = "contact";

    private static final Pattern LEAD_IN = Pattern.compile(
            "^(?i)(.*\\b(for|para|name|named|nombre|a nombre de|under the name|under|soy|i'm|i am|me llamo))\\s+");
    private static final Pattern CAPITALISED_NAME =
            Pattern.compile("\\p{Lu}[\\p{L}'-]+(\\s+(de |del |van |von )?\\p{Lu}[\\p{L}'-]+){1,3}");

    private ContactSlots() {}

    /** The state with the name, e-mail and phone the message gives; a bare name answers "May I have your name?". */
    static DialogueState fill(Context c, DialogueState state, @Nullable String asked) {
        Entities e = c.entities;
        DialogueState s = state;
        if (e.name() != null) {
            s = s.withSlot("name", e.name());
        } else if (NAME.equals(asked) && looksLikeAName(c.text) && !asksSomething(c)) {
            s = s.withSlot("name", properCase(c.text.strip()));
        } else if (NAME.equals(asked) || e.email() != null || e.phone() != null) {
            String name = nameBesideDetails(c.text);
            if (name != null) {
                s = s.withSlot("name", name);
            }
        }
        if (e.email() != null) {
            s = s.withSlot("email", e.email());
        }
        if (e.phone() != null) {
            s = s.withSlot("phone", e.phone());
        }
        return s;
    }

    /** {@link #NAME} or {@link #CONTACT} while either is missing, else null. */
    static @Nullable String asking(DialogueState state) {
        if (state.slot("name") == null) {
            return NAME;
        }
        if (state.slot("phone") == null && state.slot("email") == null) {
            return CONTACT;
        }
        return null;
    }

    static @Nullable Turn ask(Context c, DialogueState state, @Nullable String missing) {
        if (NAME.equals(missing)) {
            return Turn.say(c.say("ask_name"), state);
        }
        if (CONTACT.equals(missing)) {
            return Turn.say(c.say("ask_contact"), state);
        }
        return null;
    }

    static ContactDetails details(DialogueState state) {
        return new ContactDetails(
                Objects.requireNonNullElse(state.slot("name"), ""), state.slot("email"), state.slot("phone"));
    }

    /** How the guest can be reached, as the summary reads it back. */
    static String reach(DialogueState state) {
        String email = state.slot("email");
        String phone = state.slot("phone");
        return email != null && phone != null ? email + ", " + phone : Objects.requireNonNullElse(email, phone);
    }

    /**
     * A name written as a part of a list beside an e-mail or phone ("Emma Stone, emma@example.com", "… for Ana López,
     * 600 111 222"): a comma-separated part of two to four capitalised words, after "for" / "para" / "name" if any.
     */
    static @Nullable String nameBesideDetails(String text) {
        for (String part : text.split("[,;\\n]")) {
            String candidate = LEAD_IN.matcher(part.strip()).replaceFirst("").strip();
            if (CAPITALISED_NAME.matcher(candidate).matches()) {
                return candidate;
            }
        }
        return null;
    }

    /** "what time is chek-in", asked when the form wanted a name, is a question to answer, not the guest's name. */
    private static boolean asksSomething(Context c) {
        return Intents.question(c.plain) && c.plain.strip().split("\\s+").length >= 3;
    }

    static boolean looksLikeAName(String text) {
        String t = text.strip();
        return t.length() >= 2 && t.length() <= 60 && t.matches("[\\p{L} .'-]+") && t.split("\\s+").length <= 4;
    }

    static String properCase(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }
}
