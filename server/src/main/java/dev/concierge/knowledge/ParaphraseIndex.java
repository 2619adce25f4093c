package dev.concierge.knowledge;

import dev.concierge.venue.VenueFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The second chance of an English question that shares no words with any entry ("somewhere to work out?" for the
 * gym): the entry whose question or answer means the closest, when it is close enough and clearly closer than the
 * next. Measured on the demo hotel (docs/adr/0007): it finds paraphrases the word index misses and answers none of
 * the unrelated questions tried; in Spanish the English model's scores are close together for everything, so
 * Spanish questions never come here.
 */
final class ParaphraseIndex {
    /** The only language the model was trained on. */
    static final String LANGUAGE = "en";

    /** The least similarity to answer at all; unrelated questions scored up to 0.46 on the demo hotel. */
    static final double MIN_SIMILARITY = 0.55;

    /** How much closer the best entry must be than the second, so two similar entries are never guessed between. */
    static final double MIN_MARGIN = 0.10;

    private final List<VenueFile.KnowledgeEntry> entries;
    private final SentenceEmbeddings embeddings;
    /** Per entry: the vectors of its English question and answer; empty when the model is not available. */
    private final List<float[][]> vectors;

    ParaphraseIndex(List<VenueFile.KnowledgeEntry> entries, SentenceEmbeddings embeddings) {
        this.entries = List.copyOf(entries);
        this.embeddings = embeddings;
        List<float[][]> embedded = new ArrayList<>();
        for (VenueFile.KnowledgeEntry entry : this.entries) {
            Optional<float[]> question = embeddings.embed(entry.question().in(LANGUAGE));
            Optional<float[]> answer = embeddings.embed(entry.answer().in(LANGUAGE));
            if (question.isEmpty() || answer.isEmpty()) {
                embedded.clear();
                break;
            }
            embedded.add(new float[][] {question.get(), answer.get()});
        }
        this.vectors = List.copyOf(embedded);
    }

    /** A paraphrase hit: the entry, and how close it came. */
    record Hit(VenueFile.KnowledgeEntry entry, double similarity) {}

    Optional<Hit> answer(String text, String language) {
        if (!LANGUAGE.equals(language) || vectors.isEmpty()) {
            return Optional.empty();
        }
        Optional<float[]> asked = embeddings.embed(text);
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        int best = -1;
        double first = -1;
        double second = -1;
        for (int i = 0; i < vectors.size(); i++) {
            double similarity = Math.max(
                    SentenceEmbeddings.similarity(asked.get(), vectors.get(i)[0]),
                    SentenceEmbeddings.similarity(asked.get(), vectors.get(i)[1]));
            if (similarity > first) {
                second = first;
                first = similarity;
                best = i;
            } else if (similarity > second) {
                second = similarity;
            }
        }
        if (best < 0 || first < MIN_SIMILARITY || first - second < MIN_MARGIN) {
            return Optional.empty();
        }
        return Optional.of(new Hit(entries.get(best), first));
    }
}
