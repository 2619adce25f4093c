package dev.concierge.assistant.local;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The name a guest gives: "I'm Ana López", "my name is Ana López", "this is Bob", "call me Bob", "me llamo Ana López",
 * "mi nombre es Ana", "soy Ana", "a nombre de Ana López", "under the name Smith", proper-cased. The name ends at
 * punctuation, a number or a common word ("and", "y", "my", "mi", "email", "from", …), and "I'm looking", "I'm
 * hungry", "soy de Madrid" are no names. Only after an unmistakable introduction ("my name is", "me llamo") may a
 * name hold particles: "me llamo Ana de la Fuente".
 */
final class NameReader {
    private static final int MOST_WORDS = 4;

    private static final Set<String> PARTICLES =
            Set.of("de", "del", "la", "las", "los", "van", "von", "der", "da", "di", "du", "le");

    /** Common words that are names too, so they are not stop words: "I'm Will", "me llamo Mar". */
    private static final Set<String> NAMES_TOO = Set.of("will", "april", "june", "mar", "sol", "rosa", "pilar", "can");

    /** Words after "I'm" or "soy" that describe the guest instead of naming them. */
    private static final Set<String> DESCRIPTIONS = CommonWords.setOf("""
            hungry thirsty tired sorry afraid allergic vegetarian vegan celiac coeliac pregnant interested
            disappointed confused worried excited married pleased happy unhappy ready done lost new alone back
            guest client customer member english british spanish american german french italian irish scottish
            dutch well glad currently already outside inside downstairs upstairs due cold hot sick ill bored
            annoyed scared surprised stuck busy free available gonna a an the alergico alergica vegetariano
            vegetariana vegano vegana celiaco celiaca embarazada interesado interesada casado casada nuevo nueva
            huesped cliente socio socia espanol espanola ingles inglesa frances francesa aleman alemana italiano
            italiana americano americana britanico britanica mexicano mexicana argentino argentina el un una muy
            tan yo solo sola aqui thanks gracias please one you it there name nombre later now soon asap anytime
            urgent important ridiculous amazing awesome wonderful terrible horrible strange weird wrong bad nice
            lovely excellent beautiful fantastic unacceptable possible impossible incorrect expensive cheap cool
            fun urgente importante increible genial posible imposible
            """);

    private static final Set<String> NOT_NAMES = notNames();

    private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "hola", "buenas");

    private final Message message;

    NameReader(Message message) {
        this.message = message;
    }

    private static Set<String> notNames() {
        Set<String> words = new HashSet<>(DESCRIPTIONS);
        words.addAll(CommonWords.ENGLISH);
        words.addAll(CommonWords.SPANISH);
        words.addAll(CommonWords.BOTH);
        words.removeAll(NAMES_TOO);
        return Set.copyOf(words);
    }

    @Nullable
    String read() {
        for (int i = 0; i < message.size(); i++) {
            String name = nameAt(i);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private @Nullable String nameAt(int i) {
        String word = message.word(i);
        return switch (word) {
            case "i'm", "im" -> name(i + 1, false);
            case "i" -> message.isWord(i + 1, "am") ? name(i + 2, false) : null;
            case "soy" -> name(i + 1, false);
            case "this" ->
                message.isWord(i + 1, "is") && (message.startsClause(i) || message.isWordIn(i - 1, GREETINGS))
                        ? name(i + 2, false)
                        : null;
            case "name", "nombre" -> {
                // "my name is", "name is", "name:", "mi nombre es", "nombre:"
                if (message.isWordIn(i + 1, Set.of("is", "es"))) {
                    yield name(i + 2, true);
                }
                yield message.isPunct(i + 1) && message.token(i + 1).text().equals(":") ? name(i + 2, true) : null;
            }
            case "name's" -> name(i + 1, true);
            case "call" -> message.isWord(i + 1, "me") ? name(i + 2, true) : null;
            case "llamo" -> message.isWord(i - 1, "me") ? name(i + 1, true) : null;
            case "a" -> message.isWord(i + 1, "nombre") && message.isWord(i + 2, "de") ? name(i + 3, true) : null;
            case "under" -> {
                // "under the name Smith", "under the name of Ana López"
                if (message.isWord(i + 1, "the") && message.isWord(i + 2, "name")) {
                    yield name(message.isWord(i + 3, "of") ? i + 4 : i + 3, true);
                }
                yield null;
            }
            default -> null;
        };
    }

    /** The name that starts at {@code at}, proper-cased, or null when the words there are no name. */
    private @Nullable String name(int at, boolean introduced) {
        List<String> words = new ArrayList<>();
        int real = 0;
        for (int i = at; i < message.size() && real < MOST_WORDS; i++) {
            String word = message.word(i);
            if (word.isEmpty()) {
                break;
            }
            if (introduced && real > 0 && PARTICLES.contains(word)) {
                words.add(word);
                continue;
            }
            if (NOT_NAMES.contains(word) || (!introduced && word.endsWith("ing")) || word.length() < 2) {
                break;
            }
            words.add(properCase(message.original(i)));
            real++;
        }
        while (!words.isEmpty() && PARTICLES.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return real == 0 ? null : String.join(" ", words);
    }

    /** "ana" → "Ana", "LÓPEZ" → "López", "o'brien" → "O'Brien", "ana-maría" → "Ana-María". */
    static String properCase(String word) {
        StringBuilder cased = new StringBuilder(word.length());
        boolean upper = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            cased.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-' || c == '\'' || c == '’';
        }
        return cased.toString();
    }
}
