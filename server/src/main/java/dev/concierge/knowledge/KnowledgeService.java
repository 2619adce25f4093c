package dev.concierge.knowledge;

import dev.concierge.venue.VenueFile;
import dev.concierge.venue.VenueService;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Answers guests' questions from the venue's knowledge base, word for word as the venue wrote them, or not at all:
 * with nothing relevant enough the assistant says it does not know and offers a person.
 */
public final class KnowledgeService {
    private final VenueService venues;
    /** Built on the first question, not at start: Lucene is some 450 classes the start-up need not load. */
    private volatile @Nullable IndexOf current;

    /** The index, with the entries it was built from (rebuilt when the venue's knowledge changes). */
    private record IndexOf(List<VenueFile.KnowledgeEntry> entries, KnowledgeIndex index) {}

    public KnowledgeService(VenueService venues) {
        this.venues = venues;
    }

    /** The venue's answer to {@code question} in {@code language}, when the knowledge base has one. */
    public Optional<Answer> answer(String question, String language) {
        return index().answer(question, language)
                .map(hit -> new Answer(hit.entry().id(), hit.entry().answer().in(language), hit.coverage()));
    }

    /** An entry's answer in the guest's language; {@code coverage} says how much of the question it matched. */
    public record Answer(String entryId, String text, double coverage) {}

    private KnowledgeIndex index() {
        List<VenueFile.KnowledgeEntry> entries = venues.venue().knowledge();
        IndexOf indexed = current;
        if (indexed == null || !indexed.entries().equals(entries)) {
            indexed = new IndexOf(entries, new KnowledgeIndex(entries));
            current = indexed;
        }
        return indexed.index();
    }
}
