package dev.concierge.assistant.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jspecify.annotations.Nullable;

/**
 * Names the venue's services and menu items in a message, with typos. Case- and accent-insensitive and word by word:
 * a name matches when all its words appear close together, in any order ("sandwich club" is "club sandwich"), each
 * word exactly, as a plural ("sandwiches"), or — for words of five letters or more — with one typo ("sandwhich",
 * "masage"). A typo must keep the word's first letter, and a common word of either language is never taken as a typo
 * ("later" is no "water"). Linking words of a name ("de", "para", "of", "with") need not be said. Words are whole
 * words, so "vegetable" names no "table". Immutable and thread-safe.
 */
public final class CatalogMatcher {
    private static final double EXACT = 1.0;
    private static final double TYPO = 0.8;
    private static final int TYPO_LENGTH = 5;
    private static final int LARGEST_QUANTITY = 999;
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

    /** Words a name may have that a guest may leave out. */
    private static final Set<String> LINKING = CommonWords.setOf("""
            the a an of for with and in on de del la el los las para con y en al un una o or
            """);
    /** Words before a name that say one: "a water", "un café". */
    private static final Set<String> ONE = Set.of("a", "an", "one", "un", "una", "uno");

    /** One thing a guest may name: its id and every name and alias it goes by, in any language. */
    public record Entry(String id, List<String> names) {
        public Entry {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("an entry needs an id");
            }
            names = List.copyOf(names);
        }
    }

    /** An entry a message names, with the quantity said right before it, or null when none was. */
    public record Match(String id, @Nullable Integer quantity, double score) {}

    /** A name of an entry as indexes into {@link #vocabulary}. */
    private record Name(String id, List<Integer> words) {}

    /** Where a name was found: the message words it took, its score. */
    private record Found(String id, List<Integer> at, double score, int first) {}

    private final List<Name> names;
    private final List<String> vocabulary;

    public CatalogMatcher(List<Entry> entries) {
        Map<String, Integer> index = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        List<Name> names = new ArrayList<>();
        for (Entry entry : entries) {
            for (String name : entry.names()) {
                List<String> all = words(name);
                List<String> required =
                        all.stream().filter(w -> !LINKING.contains(w)).toList();
                List<String> words = required.isEmpty() ? all : required;
                if (words.isEmpty()) {
                    continue;
                }
                List<Integer> ids = new ArrayList<>();
                for (String word : words) {
                    ids.add(index.computeIfAbsent(word, w -> {
                        vocabulary.add(w);
                        return vocabulary.size() - 1;
                    }));
                }
                names.add(new Name(entry.id(), List.copyOf(ids)));
            }
        }
        this.names = List.copyOf(names);
        this.vocabulary = List.copyOf(vocabulary);
    }

    /**
     * The entries the text mentions, best first (then in the order said), each once, with the quantity said right
     * before it when there is one ("two club sandwiches" → 2, "dos sándwiches club" → 2, "a water" → 1, "2 x
     * water" → 2). Where two names share words, the longer wins: "sparkling water" is not also "water".
     */
    public List<Match> find(String text) {
        List<String> said = words(text);
        if (said.isEmpty() || names.isEmpty()) {
            return List.of();
        }
        double[][] similarity = new double[vocabulary.size()][];
        List<Found> found = new ArrayList<>();
        for (Name name : names) {
            for (int start = 0; start < said.size(); start++) {
                Found at = foundAt(name, start, said, similarity);
                if (at != null) {
                    found.add(at);
                }
            }
        }
        found.sort(Comparator.comparingInt((Found f) -> -f.at().size())
                .thenComparingDouble(f -> -f.score())
                .thenComparingInt(Found::first));
        boolean[] taken = new boolean[said.size()];
        Set<String> ids = new HashSet<>();
        List<Found> picked = new ArrayList<>();
        for (Found f : found) {
            if (!ids.contains(f.id()) && !anyTaken(f.at(), taken)) {
                ids.add(f.id());
                f.at().forEach(at -> taken[at] = true);
                picked.add(f);
            }
        }
        picked.sort(Comparator.comparingDouble((Found f) -> -f.score()).thenComparingInt(Found::first));
        return picked.stream()
                .map(f -> new Match(f.id(), quantityBefore(said, f.first()), f.score()))
                .toList();
    }

    /** The name with its first word at or after {@code start}, all its words within one word more than it has. */
    private @Nullable Found foundAt(Name name, int start, List<String> said, double[][] similarity) {
        int window = Math.min(said.size(), start + name.words().size() + 1);
        int[] at = new int[name.words().size()];
        double total = 0;
        boolean startUsed = false;
        for (int w = 0; w < at.length; w++) {
            double[] scores = similarities(name.words().get(w), said, similarity);
            int best = -1;
            for (int i = start; i < window; i++) {
                if (scores[i] > 0 && !contains(at, w, i) && (best < 0 || scores[i] > scores[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                return null;
            }
            at[w] = best;
            total += scores[best];
            startUsed |= best == start;
        }
        if (!startUsed) {
            return null; // found again from its own first word
        }
        List<Integer> taken = new ArrayList<>();
        int first = Integer.MAX_VALUE;
        for (int i : at) {
            first = Math.min(first, i);
            taken.add(i);
        }
        return new Found(name.id(), List.copyOf(taken), total / at.length, first);
    }

    private double[] similarities(int word, List<String> said, double[][] similarity) {
        double[] scores = similarity[word];
        if (scores == null) {
            scores = new double[said.size()];
            String known = vocabulary.get(word);
            for (int i = 0; i < scores.length; i++) {
                scores[i] = similarity(said.get(i), known);
            }
            similarity[word] = scores;
        }
        return scores;
    }

    private static boolean contains(int[] at, int count, int i) {
        for (int k = 0; k < count; k++) {
            if (at[k] == i) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyTaken(List<Integer> at, boolean[] taken) {
        for (int i : at) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    /** 1 for the word or its plural, {@link #TYPO} for one edit in a word of five letters or more, else 0. */
    static double similarity(String said, String known) {
        if (said.equals(known) || isPlural(said, known) || isPlural(known, said)) {
            return EXACT;
        }
        if (known.length() < TYPO_LENGTH
                || said.length() < TYPO_LENGTH - 1
                || said.charAt(0) != known.charAt(0)
                || Math.abs(said.length() - known.length()) > 3
                || CommonWords.isCommon(said)) {
            return 0;
        }
        String saidStem = singular(said);
        String knownStem = singular(known);
        return ONE_EDIT.apply(said, known) >= 0 || ONE_EDIT.apply(saidStem, knownStem) >= 0 ? TYPO : 0;
    }

    private static boolean isPlural(String plural, String singular) {
        int extra = plural.length() - singular.length();
        return ((extra == 1 && plural.endsWith("s")) || (extra == 2 && plural.endsWith("es")))
                && plural.startsWith(singular);
    }

    private static String singular(String word) {
        if (word.length() > 4 && word.endsWith("es")) {
            return word.substring(0, word.length() - 2);
        }
        return word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    /** "two", "2", "a", "una", "2 x", "a couple of", "un par de", "a dozen": the quantity before word {@code i}. */
    private static @Nullable Integer quantityBefore(List<String> said, int i) {
        int at = i - 1;
        if (at >= 1 && said.get(at).equals("x")) {
            at--; // "2 x club sandwich", "2x water"
        }
        if (at < 0) {
            return null;
        }
        String word = said.get(at);
        if (at >= 2 && word.equals("of") && said.get(at - 1).equals("couple") && ONE.contains(said.get(at - 2))) {
            return 2;
        }
        if (at >= 2
                && word.equals("de")
                && said.get(at - 1).equals("par")
                && said.get(at - 2).equals("un")) {
            return 2;
        }
        if (at >= 1 && word.equals("dozen") && ONE.contains(said.get(at - 1))) {
            return 12;
        }
        if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
            return word.length() <= 3 && Integer.parseInt(word) > 0 ? Integer.valueOf(word) : null;
        }
        if (ONE.contains(word)) {
            return 1;
        }
        Integer value = NumberWords.valueOf(word, "");
        return value != null && value > 0 && value <= LARGEST_QUANTITY ? value : null;
    }

    /** The folded words and digit runs of a text, in order. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean digits = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? Folding.fold(text.charAt(i)) : ' ';
            boolean letter = Character.isLetter(c);
            boolean digit = c >= '0' && c <= '9';
            if (word.length() > 0 && (!(letter || digit) || digit != digits)) {
                words.add(word.toString());
                word.setLength(0);
            }
            if (letter || digit) {
                word.append(c);
                digits = digit;
            }
        }
        return words;
    }
}
