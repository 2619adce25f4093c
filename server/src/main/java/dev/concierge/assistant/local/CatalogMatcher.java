package dev.concierge.assistant.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;
import org.jspecify.annotations.Nullable;

/**
 * Names the venue's services and menu items in a message, with typos: every significant word of a name must be
 * there (one letter wrong is forgiven in words of five or more), plurals count as singulars, accents and case are
 * ignored. A number right before the name is its quantity ("two club sandwiches", "dos sándwiches club").
 */
public final class CatalogMatcher {
    private static final Set<String> FILLER =
            Set.of("the", "of", "a", "de", "del", "la", "el", "para", "for", "con", "with");

    /** One thing a guest may name: its id and every name and alias it goes by, in any language. */
    public record Entry(String id, List<String> names) {}

    public record Match(String id, @Nullable Integer quantity, double score) {}

    private record Name(String id, List<String> words) {}

    private final List<Name> names = new ArrayList<>();

    public CatalogMatcher(List<Entry> entries) {
        for (Entry entry : entries) {
            for (String name : entry.names()) {
                List<String> words = Words.split(name).stream()
                        .filter(w -> !FILLER.contains(w))
                        .map(CatalogMatcher::singular)
                        .toList();
                if (!words.isEmpty()) {
                    names.add(new Name(entry.id(), words));
                }
            }
        }
    }

    /** The entries the text mentions, best first (more words of a name matched is better), each once. */
    public List<Match> find(String text) {
        List<String> words = Words.split(text);
        List<String> singular = words.stream().map(CatalogMatcher::singular).toList();
        List<Match> found = new ArrayList<>();
        for (Name name : names) {
            int first = firstPosition(name.words(), singular);
            if (first < 0) {
                continue;
            }
            Integer quantity = first > 0 ? Words.number(words.get(first - 1), true) : null;
            Match match = new Match(name.id(), quantity, name.words().size());
            Match earlier = found.stream()
                    .filter(m -> m.id().equals(name.id()))
                    .findFirst()
                    .orElse(null);
            if (earlier == null) {
                found.add(match);
            } else if (earlier.score() < match.score()) {
                found.set(
                        found.indexOf(earlier),
                        new Match(name.id(), quantity != null ? quantity : earlier.quantity(), match.score()));
            }
        }
        found.sort(Comparator.comparingDouble(Match::score).reversed());
        return found;
    }

    /** Where the name's words begin in the message (each word found somewhere), or -1. */
    private static int firstPosition(List<String> nameWords, List<String> message) {
        int first = Integer.MAX_VALUE;
        for (String word : nameWords) {
            int at = -1;
            Automaton typo = word.length() >= 5 ? new LevenshteinAutomata(word, false).toAutomaton(1) : null;
            for (int i = 0; i < message.size(); i++) {
                String candidate = message.get(i);
                if (candidate.equals(word)
                        || (typo != null && candidate.length() >= 4 && Operations.run(typo, candidate))) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                return -1;
            }
            first = Math.min(first, at);
        }
        return first;
    }

    /** "sandwiches" → "sandwich", "massages" → "massage", "mesas" → "mesa"; short words stay as they are. */
    static String singular(String word) {
        if (word.length() > 5 && word.endsWith("ches")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
