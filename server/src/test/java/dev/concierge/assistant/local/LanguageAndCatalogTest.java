package dev.concierge.assistant.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which language a guest writes in, and which of the venue's services and dishes they name, typos and all. */
class LanguageAndCatalogTest {
    private static final LanguageDetector LANGUAGES = new LanguageDetector();
    private static final CatalogMatcher MENU = new CatalogMatcher(List.of(
            new CatalogMatcher.Entry("club-sandwich", List.of("Club sandwich", "Sándwich club", "club", "sandwich")),
            new CatalogMatcher.Entry("water", List.of("Still water", "Agua mineral", "water", "agua")),
            new CatalogMatcher.Entry(
                    "massage-60", List.of("60-minute massage", "Masaje de 60 minutos", "massage", "spa")),
            new CatalogMatcher.Entry("dinner", List.of("Dinner table", "Mesa para cenar", "table"))));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Hola, quiero reservar un masaje  | es",
                "Can I book a massage?            | en",
                "¿Tienen parking?                 | es",
                "parking?                         | fr",
                "Mañana a las 8                   | es",
                "I want to talk to a person       | en",
                "ok                               | fr",
            })
    void detectsTheLanguageOrKeepsTheFallback(String text, String language) {
        assertEquals(language, LANGUAGES.detect(text, "fr"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "two club sandwhiches please      | club-sandwich | 2",
                "dos sándwiches club              | club-sandwich | 2",
                "a masage tomorrow                | massage-60    | 0",
                "una botella de agua              | water         | 0",
            })
    void namesWithTyposAndQuantities(String text, String id, int quantity) {
        CatalogMatcher.Match match = MENU.find(text).get(0);
        assertEquals(id, match.id());
        if (quantity > 0) {
            assertEquals(quantity, match.quantity());
        }
    }

    @Test
    void aWordInsideAnotherIsNoMatchAndShortAliasesMustBeExact() {
        assertEquals(List.of(), MENU.find("vegetables please"));
        assertEquals(List.of(), MENU.find("spain"));
        assertEquals(
                "water", MENU.find("two club sandwiches and a water").get(1).id());
        assertEquals(1, MENU.find("two club sandwiches and a water").get(1).quantity());
    }
}
