package dev.concierge.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.venue.VenueService;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Questions guests ask, in their words, against the demo hotel's 34 knowledge entries. */
class KnowledgeIndexTest {
    private static final KnowledgeIndex INDEX =
            new KnowledgeIndex(VenueService.demoVenue().knowledge());

    @ParameterizedTest(name = "[{0}] {1} → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Is there parking?                          | parking",
                "en | how much is the car park                    | parking",
                "en | What time is checkout                       | checkout-time",
                "en | when is breakfast?                          | breakfast",
                "en | what's the wifi password                    | wifi",
                "en | Can I bring my dog?                         | pets",
                "en | is there a gym                              | gym",
                "en | When does the pool open?                    | pool",
                "en | how far is the airport                      | airport",
                "en | Do you have a cot for the baby? children   | children",
                "en | what is the cancelation policy              | cancellation",
                "es | ¿Tienen parking?                            | parking",
                "es | ¿Hay aparcamiento?                          | parking",
                "es | ¿A qué hora es la salida?                   | checkout-time",
                "es | ¿cuál es la contraseña del wifi?            | wifi",
                "es | ¿se admiten mascotas?                       | pets",
                "es | ¿a qué distancia está la playa?             | beach",
                "es | horario de la piscina                       | pool",
            })
    void findsTheEntryThatAnswers(String language, String question, String entryId) {
        Optional<KnowledgeIndex.Hit> hit = INDEX.answer(question, language);

        assertTrue(hit.isPresent(), question);
        assertTrue(
                hit.get().entry().id().startsWith(entryId),
                question + " → " + hit.get().entry().id());
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | What is the meaning of life?",
                "en | Who won the football last night?",
                "en | Can you recommend a dentist in Berlin?",
                "es | ¿Quién ganó el partido de ayer?",
                "es | ¿Cuál es la capital de Australia?",
                "en | ok",
            })
    void saysNothingWhenNothingRelevantIsKnown(String language, String question) {
        assertEquals(
                Optional.empty(),
                INDEX.answer(question, language).map(h -> h.entry().id()));
    }

    @Test
    void anEmptyKnowledgeBaseKnowsNothing() {
        assertTrue(
                new KnowledgeIndex(java.util.List.of()).answer("parking", "en").isEmpty());
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | what is the cancelation policy",
                "en | when is brekfast served",
                "en | is there a swiming pool",
                "en | whats the wifi pasword",
                "es | ¿a qué distancia está la plalla?",
                "es | horario de la piscna",
                "en | What is the meaning of life?",
            })
    void aTypoQueryRememberedAnswersAsTheFirstTime(String language, String question) {
        KnowledgeIndex fresh = new KnowledgeIndex(VenueService.demoVenue().knowledge());

        Optional<KnowledgeIndex.Hit> first = fresh.answer(question, language);
        Optional<KnowledgeIndex.Hit> again = fresh.answer(question, language);

        // the same entry, coverage and BM25 score, with the typo queries rewritten once and remembered
        assertEquals(first, again, question);
        assertEquals(new KnowledgeIndex(VenueService.demoVenue().knowledge()).answer(question, language), again);
    }
}
