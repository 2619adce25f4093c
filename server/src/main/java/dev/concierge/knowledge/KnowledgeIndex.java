package dev.concierge.knowledge;

import dev.concierge.venue.VenueFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;
import org.jspecify.annotations.Nullable;

/**
 * The knowledge entries in an in-memory Lucene index, one analyzer per language (stemming, stop words), ranked
 * with BM25. An answer counts only when the best entry covers enough of what was asked: half of the question's
 * content words, typos of one letter forgiven in longer words. Below that the assistant says it does not know.
 */
final class KnowledgeIndex {
    static final List<String> LANGUAGES = List.of("en", "es");

    /** How many of BM25's best entries are weighed by how much of the question they cover. */
    static final int CANDIDATES = 5;

    /** Share of the question's content words the best entry must contain. */
    static final double MIN_COVERAGE = 0.5;

    /**
     * How many words' typo queries an index remembers; past that it forgets them all and starts over (a guest's words
     * are a small vocabulary, made-up ones must not fill the memory).
     */
    static final int REMEMBERED_TYPOS = 4_096;

    private static final java.util.regex.Pattern COMPOUND = java.util.regex.Pattern.compile("(\\p{L})-(\\p{L})");

    /**
     * Lucene's English stop words are few (33); a guest's question is mostly pronouns and question words, which
     * say nothing about the topic. Spanish has Snowball's long list already.
     */
    private static final CharArraySet ENGLISH_STOP_WORDS = stopWords(
            "i", "me", "my", "we", "our", "us", "you", "your", "he", "she", "his", "her", "its", "can", "could", "do",
            "does", "did", "have", "has", "had", "what", "whats", "what's", "when", "where", "which", "who", "why",
            "how", "would", "should", "may", "might", "please", "hi", "hello", "there", "get", "any", "some", "tell",
            "know", "want", "like", "much", "many", "am", "about", "from", "up", "out");

    private static CharArraySet stopWords(String... extra) {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        words.addAll(List.of(extra));
        return CharArraySet.unmodifiableSet(words);
    }

    private final Map<String, Analyzer> analyzers;
    private final IndexSearcher searcher;
    private final List<VenueFile.KnowledgeEntry> entries;

    /** Per entry and language, the analyzed words of its question and answer, to measure coverage. */
    private final List<Map<String, Set<String>>> words = new ArrayList<>();

    /**
     * Per question word, its typo query as Lucene rewrites it against this index: the index's terms within one edit
     * and their blended weights. The index never changes (another is built when the knowledge does), so the rewrite
     * is the same every time; building the word's Levenshtein automata and walking the terms with them was most of a
     * knowledge search.
     */
    private final Map<Term, Query> typos = new ConcurrentHashMap<>();

    KnowledgeIndex(List<VenueFile.KnowledgeEntry> entries) {
        this.entries = List.copyOf(entries);
        this.analyzers = Map.of("en", new EnglishAnalyzer(ENGLISH_STOP_WORDS), "es", new SpanishAnalyzer());
        Map<String, Analyzer> perField = new HashMap<>();
        for (String language : LANGUAGES) {
            perField.put("q_" + language, analyzers.get(language));
            perField.put("a_" + language, analyzers.get(language));
        }
        Analyzer analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), perField);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < this.entries.size(); i++) {
                VenueFile.KnowledgeEntry entry = this.entries.get(i);
                Document doc = new Document();
                doc.add(new StringField("n", Integer.toString(i), Field.Store.YES));
                Map<String, Set<String>> entryWords = new HashMap<>();
                for (String language : LANGUAGES) {
                    String question = entry.question().in(language);
                    String answer = entry.answer().in(language);
                    doc.add(new TextField("q_" + language, question, Field.Store.NO));
                    doc.add(new TextField("a_" + language, answer, Field.Store.NO));
                    Set<String> all = new LinkedHashSet<>(terms(language, question));
                    all.addAll(terms(language, answer));
                    entryWords.put(language, all);
                }
                words.add(entryWords);
                writer.addDocument(doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the knowledge index in memory", e);
        }
        try {
            this.searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the knowledge index", e);
        }
    }

    /** A knowledge entry that answers {@code text}, and how much of the question it covers. */
    record Hit(VenueFile.KnowledgeEntry entry, double coverage, float score) {}

    /** The entry that best answers {@code text} in {@code language}, when one covers enough of it. */
    Optional<Hit> answer(String text, String language) {
        String lang = LANGUAGES.contains(language) ? language : "en";
        List<String> asked = terms(lang, text);
        if (asked.isEmpty() || entries.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : asked) {
            query.add(new BoostQuery(new TermQuery(new Term("q_" + lang, term)), 2f), BooleanClause.Occur.SHOULD);
            query.add(new TermQuery(new Term("a_" + lang, term)), BooleanClause.Occur.SHOULD);
            if (term.length() >= 5) {
                query.add(new BoostQuery(typos(new Term("q_" + lang, term)), 0.5f), BooleanClause.Occur.SHOULD);
            }
        }
        try {
            // BM25 finds the candidates; the one covering most of the question wins, the better score on a tie
            Hit best = null;
            // built when a candidate lacks the word, once for all the candidates
            @Nullable Automaton[] oneTypo = new Automaton[asked.size()];
            for (ScoreDoc candidate : searcher.search(query.build(), CANDIDATES).scoreDocs) {
                int n = Integer.parseInt(
                        searcher.storedFields().document(candidate.doc).get("n"));
                double coverage = coverage(asked, oneTypo, words.get(n).getOrDefault(lang, Set.of()));
                if (best == null || coverage > best.coverage()) {
                    best = new Hit(entries.get(n), coverage, candidate.score);
                }
            }
            return best == null || best.coverage() < MIN_COVERAGE ? Optional.empty() : Optional.of(best);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the knowledge index", e);
        }
    }

    /** {@code typo}'s fuzzy query (one edit, the first letter kept) rewritten against this index, once per word. */
    private Query typos(Term typo) {
        Query rewritten = typos.get(typo);
        if (rewritten == null) {
            try {
                rewritten = searcher.rewrite(new FuzzyQuery(typo, 1, 1));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot search the knowledge index", e);
            }
            if (typos.size() >= REMEMBERED_TYPOS) {
                typos.clear();
            }
            typos.put(typo, rewritten);
        }
        return rewritten;
    }

    /**
     * The share of {@code asked} found among {@code known}, a one-letter typo forgiven in words of five or more
     * ({@code oneTypo}: their automata, filled in here when first needed and kept for the next candidates).
     */
    private static double coverage(List<String> asked, @Nullable Automaton[] oneTypo, Set<String> known) {
        int found = 0;
        for (int i = 0; i < asked.size(); i++) {
            String word = asked.get(i);
            if (known.contains(word)) {
                found++;
            } else if (word.length() >= 5) {
                Automaton typo = oneTypo[i];
                if (typo == null) {
                    typo = new LevenshteinAutomata(word, false).toAutomaton(1);
                    oneTypo[i] = typo;
                }
                Automaton matcher = typo;
                if (known.stream().anyMatch(k -> Operations.run(matcher, k))) {
                    found++;
                }
            }
        }
        return (double) found / asked.size();
    }

    /** The analyzed content words of {@code text}: lower-cased, stemmed, without stop words, each once. */
    private List<String> terms(String language, String rawText) {
        // "check-out", "wi-fi" and "checkout", "wifi" are the same words to a guest
        String text = COMPOUND.matcher(rawText).replaceAll("$1$2");
        Analyzer analyzer = java.util.Objects.requireNonNull(analyzers.get(language), language);
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyze a question", e);
        }
        return List.copyOf(terms);
    }
}
