package dev.concierge.assistant.local;

import dev.concierge.assistant.local.Message.Count;
import dev.concierge.assistant.local.Token.Kind;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads what one guest message mentions, in English or Spanish: dates and times against the venue's clock, party
 * size, stay, name, e-mail, phone, room, booking reference, the other numbers, and yes or no. Each reader takes the
 * numbers it understands (nights and dates first, then times, the room, the party), so one number is never read
 * twice; what none took is {@link Entities#numbers()}. Deterministic and thread-safe; one call per message.
 */
public final class EntityExtractor {
    private static final Set<String> ROOM = Set.of("room", "habitacion", "hab", "rm");
    /** Words between "room" and its number: "room no. 12", "my room is 305", "mi habitación es la 12". */
    private static final Set<String> NUMBER_SIGN =
            Set.of("number", "no", "num", "numero", "nr", "nro", "is", "es", "la");
    /** After "room is N" these make N no room: "the room is 2 people". */
    private static final Set<String> NOT_A_ROOM =
            Set.of("people", "persons", "person", "guests", "adults", "personas", "adultos", "of", "x");

    private static final Set<String> YES = CommonWords.setOf("""
            yes yeah yep yup sure ok okay correct confirm confirmed absolutely alright perfect exactly
            definitely vale claro perfecto perfecta correcto confirmo confirmado exacto exactamente dale sip
            """);
    /** Two-word yeses: "de acuerdo", "por supuesto", "of course", "that's right", "all right", "sounds good". */
    private static final Set<String> YES_PAIRS = Set.of(
            "de acuerdo",
            "por supuesto",
            "of course",
            "that's right",
            "all right",
            "sounds good",
            "go ahead",
            "esta bien");

    private static final Set<String> NOT = Set.of("not", "no", "never", "nunca", "isn't", "don't", "ni");
    private static final Set<String> NO = Set.of("no", "nope", "nah");
    /** Two-word noes anywhere in a message: "no thanks", "cancel that", "never mind". */
    private static final Set<String> NO_PAIRS = Set.of(
            "no thanks",
            "no thank",
            "no gracias",
            "cancel that",
            "cancel it",
            "forget it",
            "never mind",
            "not really",
            "no way");

    private final String defaultRegion;

    /** {@code defaultRegion}: ISO country for phone numbers without a country code, e.g. "ES". */
    public EntityExtractor(String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
    }

    /** {@code now}: the venue's clock in the venue's zone; relative words resolve against it. */
    public Entities extract(String text, String language, ZonedDateTime now) {
        Message message = Message.read(text, language, defaultRegion);
        String email = first(message, Kind.EMAIL);
        String reference = first(message, Kind.REFERENCE);
        String phone = first(message, Kind.PHONE);
        DateReader.Dates dates = new DateReader(message, now.toLocalDate()).read();
        LocalTime time = new TimeReader(message).read();
        String room = roomNumber(message);
        Integer partySize = new PartySizeReader(message).read();
        String name = new NameReader(message).read();
        boolean negative = negative(message);
        return new Entities(
                dates.date(),
                time,
                partySize,
                dates.checkOut(),
                dates.nights(),
                name,
                email,
                phone,
                room,
                reference,
                otherNumbers(message),
                affirmative(message),
                negative);
    }

    private static @Nullable String first(Message message, Kind kind) {
        for (int i = 0; i < message.size(); i++) {
            if (message.token(i).is(kind)) {
                return message.token(i).text();
            }
        }
        return null;
    }

    /** "room 12", "to room 305", "room number 12", "room no. 12", "my room is 305", "habitación 12", "hab. 12". */
    private static @Nullable String roomNumber(Message message) {
        for (int i = 0; i < message.size(); i++) {
            if (!message.isWordIn(i, ROOM)) {
                continue;
            }
            int at = i + 1;
            while ((message.isPunct(at) && ".:".contains(message.token(at).text()))
                    || message.isWordIn(at, NUMBER_SIGN)) {
                at++;
            }
            Count count = message.countAt(at, false);
            if (count != null && count.value() > 0 && !message.isWordIn(count.next(), NOT_A_ROOM)) {
                message.use(at, count.next());
                Token token = message.token(at);
                return token.is(Kind.NUMBER) ? token.text() : Integer.toString(count.value());
            }
        }
        return null;
    }

    /** The numbers no reader took, in order: "two club sandwiches" → [2]. */
    private static List<Integer> otherNumbers(Message message) {
        List<Integer> numbers = new ArrayList<>();
        int i = 0;
        while (i < message.size()) {
            Count count = message.countAt(i, false);
            if (count != null) {
                numbers.add(count.value());
                i = count.next();
            } else {
                i++;
            }
        }
        return numbers;
    }

    /**
     * A yes word or phrase not just after a negation ("not sure", "no está bien"), "sí" with its accent, or "si"
     * alone at the start of a clause ("si, perfecto"; "si es posible" is "if"). "No problem" is a yes.
     */
    private static boolean affirmative(Message message) {
        for (int i = 0; i < message.size(); i++) {
            String word = message.word(i);
            if (word.isEmpty() || message.isWordIn(i - 1, NOT) || message.isWordIn(i - 2, NOT)) {
                continue;
            }
            if (YES.contains(word) && !(word.equals("vale") && message.isWordIn(i - 1, Set.of("cuanto", "que")))) {
                return true; // but not "¿cuánto vale?"
            }
            if (YES_PAIRS.contains(word + " " + message.word(i + 1)) || noProblem(message, i)) {
                return true;
            }
            boolean accented = message.original(i).equalsIgnoreCase("sí");
            boolean alone = message.startsClause(i)
                    && (message.endsClause(i + 1) || message.isWordIn(i + 1, Set.of("por", "gracias", "claro")));
            if (word.equals("si") && (accented || alone)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "no", "nope" or "nah" opening the message, "no" closing a clause ("mejor no", "creo que no", "hmm, no."), or
     * a no phrase anywhere ("no thanks", "cancel that", "no gracias"); not "no problem", nor "I have no allergies",
     * nor the tag of "a las 8, ¿no?".
     */
    private static boolean negative(Message message) {
        for (int i = 0; i < message.size(); i++) {
            String word = message.word(i);
            if (word.isEmpty()) {
                continue;
            }
            if (NO_PAIRS.contains(word + " " + message.word(i + 1))) {
                return true;
            }
            if (!NO.contains(word) || noProblem(message, i)) {
                continue;
            }
            boolean opens = firstWord(message, i);
            boolean closes = word.equals("no") && message.endsClause(i + 1) && !isTag(message, i);
            if (opens || closes) {
                return true;
            }
        }
        return false;
    }

    private static boolean noProblem(Message message, int i) {
        return message.isWord(i, "no")
                && (message.isWordIn(i + 1, Set.of("problem", "worries", "prob"))
                        || (message.isWord(i + 1, "hay") && message.isWord(i + 2, "problema")));
    }

    private static boolean firstWord(Message message, int i) {
        for (int k = 0; k < i; k++) {
            if (!message.word(k).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** "a las 8, ¿no?": a question tag, not a no. */
    private static boolean isTag(Message message, int i) {
        return message.isPunct(i - 1) && message.token(i - 1).text().equals("¿");
    }
}
