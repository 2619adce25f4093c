package dev.concierge.knowledge;

import dev.concierge.venue.VenueFile;
import dev.concierge.venue.VenueService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Answers guests' questions from the venue's knowledge base, word for word as the venue wrote them, or not at all:
 * with nothing relevant enough the assistant says it does not know and offers a person. The word index (BM25)
 * answers first; an English question it cannot place gets a second chance by meaning (sentence embeddings).
 */
public final class KnowledgeService {
    private final VenueService venues;
    private final SentenceEmbeddings embeddings;
    /** Built on the first question, not at start: Lucene is some 450 classes the start-up need not load. */
    private volatile @Nullable IndexOf current;

    /** The indexes, with the entries they were built from (rebuilt when the venue's knowledge changes). */
    private static final class IndexOf {
        final List<VenueFile.KnowledgeEntry> entries;
        final KnowledgeIndex words;
        private volatile @Nullable ParaphraseIndex meanings;

        IndexOf(List<VenueFile.KnowledgeEntry> entries) {
            this.entries = entries;
            this.words = new KnowledgeIndex(entries);
        }

        /** Embedding every entry takes a few hundred ms: only done once an English question needs it. */
        ParaphraseIndex meanings(SentenceEmbeddings embeddings) {
            ParaphraseIndex built = meanings;
            if (built == null) {
                synchronized (this) {
                    built = meanings;
                    if (built == null) {
                        built = new ParaphraseIndex(entries, embeddings);
                        meanings = built;
                    }
                }
            }
            return built;
        }
    }

    /** A service whose embedding model unpacks its native library into DJL's default folder. */
    public KnowledgeService(VenueService venues) {
        this(venues, null);
    }

    /** @param nativeCache where the embedding model's tokenizer unpacks its native library (the data folder) */
    public KnowledgeService(VenueService venues, @Nullable Path nativeCache) {
        this.venues = venues;
        this.embeddings = new SentenceEmbeddings(nativeCache);
    }

    /** The venue's answer to {@code question} in {@code language}, when the knowledge base has one. */
    public Optional<Answer> answer(String question, String language) {
        IndexOf index = index();
        Optional<Answer> byWords = index.words
                .answer(question, language)
                .map(hit -> new Answer(hit.entry().id(), hit.entry().answer().in(language), hit.coverage()));
        if (byWords.isPresent() || !ParaphraseIndex.LANGUAGE.equals(language)) {
            return byWords;
        }
        // a hit by meaning says nothing of how much of the question it covers: just enough, never over a task
        return index.meanings(embeddings)
                .answer(question, language)
                .map(hit ->
                        new Answer(hit.entry().id(), hit.entry().answer().in(language), KnowledgeIndex.MIN_COVERAGE));
    }

    /** An entry's answer in the guest's language; {@code coverage} says how much of the question it matched. */
    public record Answer(String entryId, String text, double coverage) {}

    /**
     * The index of the venue's knowledge as it is now. Built by one caller at a time: when many first questions arrive
     * at once (or right after the knowledge changed), the others wait for that one index rather than each building
     * their own.
     */
    private IndexOf index() {
        List<VenueFile.KnowledgeEntry> entries = venues.venue().knowledge();
        IndexOf indexed = current;
        if (indexed != null && indexed.entries.equals(entries)) {
            return indexed;
        }
        synchronized (this) {
            indexed = current;
            if (indexed == null || !indexed.entries.equals(entries)) {
                indexed = new IndexOf(entries);
                current = indexed;
                // the model takes about a second to load: start now, so the first question that needs it finds it
                embeddings.warmUp();
            }
            return indexed;
        }
    }
}
