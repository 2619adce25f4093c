package dev.concierge.assistant.local;

import dev.concierge.assistant.local.Message.Count;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How many people a message speaks for: "two of us", "for 4", "table for four", "we are 3", "4 people", "2 adults and
 * a child", "just me", "me and my wife", "para cuatro", "somos tres", "2 personas", "dos adultos", "solo yo", "mi
 * mujer y yo". Read after dates and times, so "for 3 nights" and "for 8pm" are not parties.
 */
final class PartySizeReader {
    private static final int LARGEST = 100;

    private static final Set<String> PEOPLE = CommonWords.setOf("""
            people persons person guests guest adults adult pax personas persona adultos adulto huespedes
            comensales
            """);
    private static final Set<String> CHILDREN = CommonWords.setOf("""
            children child kids kid ninos nino ninas nina hijos hijo hija hijas babies baby bebes bebe
            """);
    /** After "for N" these make N a count of something else: "for 2 hours", "para 3 días". */
    private static final Set<String> NOT_PEOPLE = CommonWords.setOf("""
            hours hour minutes minute mins days day weeks week horas hora minutos dias dia semanas euros eur
            rooms room habitaciones habitacion years anos o'clock oclock x
            """);

    private static final Set<String> WE_ARE = Set.of("somos", "seremos");
    private static final Set<String> ALONE = Set.of("solo", "sola");
    private static final Set<String> PARTNERS = CommonWords.setOf("""
            wife husband partner girlfriend boyfriend friend son daughter mother father mum mom dad colleague
            sister brother fiance fiancee mujer esposa esposo marido pareja novia novio amigo amiga hijo hija
            madre padre hermano hermana companero companera
            """);

    private final Message message;

    PartySizeReader(Message message) {
        this.message = message;
    }

    @Nullable
    Integer read() {
        for (int i = 0; i < message.size(); i++) {
            Integer size = sizeAt(i);
            if (size != null) {
                return size;
            }
        }
        return null;
    }

    private @Nullable Integer sizeAt(int i) {
        String word = message.word(i);
        Integer counted = people(i, word.equals("un") || word.equals("una"));
        if (counted != null) {
            return counted;
        }
        switch (word) {
            case "for", "para" -> {
                return sizeAfter(i + 1);
            }
            case "are", "we're", "be" -> {
                // "we are 3", "we're 3", "we will be 4", "there will be 5"
                boolean we = word.equals("we're")
                        || message.isWord(i - 1, "we")
                        || (message.isWord(i - 1, "will") && message.isWordIn(i - 2, Set.of("we", "there")));
                return we ? sizeAfter(i + 1) : null;
            }
            case "party", "group", "grupo" -> {
                // "party of 6", "a group of eight", "grupo de 10"
                return message.isWordIn(i + 1, Set.of("of", "de")) ? sizeAfter(i + 2) : null;
            }
            case "just", "only" -> {
                return message.isWordIn(i + 1, Set.of("me", "myself")) ? 1 : null;
            }
            case "me" -> {
                // "me and my wife"
                boolean couple = message.isWord(i + 1, "and")
                        && message.isWord(i + 2, "my")
                        && message.isWordIn(i + 3, PARTNERS);
                return couple ? 2 : null;
            }
            case "my", "mi" -> {
                // "my wife and I", "mi mujer y yo"
                boolean couple = message.isWordIn(i + 1, PARTNERS)
                        && message.isWordIn(i + 2, Set.of("and", "y"))
                        && message.isWordIn(i + 3, Set.of("i", "me", "yo"));
                return couple ? 2 : null;
            }
            case "yo" -> {
                // "yo y mi mujer", "yo solo"
                if (message.isWord(i + 1, "y") && message.isWord(i + 2, "mi") && message.isWordIn(i + 3, PARTNERS)) {
                    return 2;
                }
                return message.isWordIn(i + 1, ALONE) && message.endsClause(i + 2) ? 1 : null;
            }
            default -> {
                if (WE_ARE.contains(word)) {
                    return sizeAfter(i + 1); // "somos 3", "seremos 8"
                }
                return ALONE.contains(word) && message.isWord(i + 1, "yo") ? 1 : null; // "solo yo", "sólo yo"
            }
        }
    }

    /** "4 people", "two of us", "una persona", "2 adults and 1 child" at {@code i}, or null. */
    private @Nullable Integer people(int i, boolean articles) {
        Count count = message.countAt(i, articles);
        if (count == null) {
            return null;
        }
        if (isOfUs(count.next())) {
            return taken(i, count.next() + 2, count.value());
        }
        if (!message.isWordIn(count.next(), PEOPLE)) {
            return null;
        }
        return taken(i, count.next() + 1, count.value() + children(count.next() + 1));
    }

    /** The number after "for", "we are", "somos", "party of": with its people noun, or bare unless it counts things. */
    private @Nullable Integer sizeAfter(int i) {
        Integer counted = people(i, false);
        if (counted != null) {
            return counted;
        }
        Count size = message.countAt(i, false);
        if (size == null || message.isWordIn(size.next(), NOT_PEOPLE)) {
            return null;
        }
        return taken(i, size.next(), size.value());
    }

    private boolean isOfUs(int i) {
        return message.isWord(i, "of") && message.isWord(i + 1, "us");
    }

    /** "… and 2 children", "… y un niño": the children after the adults, or 0. */
    private int children(int i) {
        if (!message.isWordIn(i, Set.of("and", "y", "plus", "with", "con", "mas"))) {
            return 0;
        }
        Count count = message.countAt(i + 1, true);
        if (count == null || !message.isWordIn(count.next(), CHILDREN)) {
            return 0;
        }
        message.use(i + 1, count.next());
        return count.value();
    }

    private @Nullable Integer taken(int from, int to, int size) {
        if (size < 1 || size > LARGEST) {
            return null;
        }
        message.use(from, to);
        return size;
    }
}
