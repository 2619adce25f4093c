package dev.concierge.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.venue.VenueService;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real all-MiniLM-L6-v2 model against the demo hotel's entries: English paraphrases that share no words with
 * an entry are found by meaning, unrelated questions are not answered, and Spanish never goes by meaning.
 */
class ParaphraseIndexTest {
    private static final ParaphraseIndex INDEX =
            new ParaphraseIndex(VenueService.demoVenue().knowledge(), new SentenceEmbeddings(Path.of("target", "djl")));
    private static final KnowledgeIndex WORDS =
            new KnowledgeIndex(VenueService.demoVenue().knowledge());

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Is there somewhere to work out?     | gym",
                "What time is the morning meal?      | breakfast-hours",
            })
    void anEnglishParaphraseTheWordIndexMissesIsFoundByMeaning(String question, String entryId) {
        assertTrue(WORDS.answer(question, "en").isEmpty(), "the word index alone finds nothing");

        Optional<ParaphraseIndex.Hit> hit = INDEX.answer(question, "en");

        assertEquals(entryId, hit.map(h -> h.entry().id()).orElse("nothing"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Do you have a helipad?",
                "What's the capital of France?",
                "Can I pay in bitcoin?",
                "Is there a casino?",
                "Who won the football match yesterday?",
                "Do you sell tickets to the opera?",
                "Can I rent a bike?",
                "Is there a church nearby?",
                // close to two entries (wifi and nothing quite): better to offer a person than to guess
                "Where can I get cash?",
            })
    void aQuestionTheHotelHasNoAnswerForIsNotAnsweredByMeaning(String question) {
        assertEquals(
                Optional.empty(),
                INDEX.answer(question, "en").map(h -> h.entry().id()));
    }

    @Test
    void spanishNeverGoesByMeaningTheEnglishModelScoresEverythingAlike() {
        assertEquals(Optional.empty(), INDEX.answer("¿Hay internet?", "es"));
        assertEquals(Optional.empty(), INDEX.answer("¿Se puede alquilar un barco?", "es"));
    }
}
