package dev.concierge.assistant.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.assistant.local.CatalogMatcher.Entry;
import dev.concierge.assistant.local.CatalogMatcher.Match;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogMatcherTest {
    /** The demo venue's services and menu, names and aliases as the venue file gives them. */
    private static final List<Entry> CATALOG = List.of(
            new Entry("massage-60", List.of("60-minute massage", "Masaje de 60 minutos", "massage", "spa", "masaje")),
            new Entry(
                    "dinner",
                    List.of("Dinner table", "Mesa para cenar", "table", "restaurant", "dinner", "mesa", "cena")),
            new Entry("club-sandwich", List.of("Club sandwich", "Sándwich club", "club", "sandwich")),
            new Entry("water", List.of("Water", "Agua", "agua mineral")),
            new Entry("sparkling-water", List.of("Sparkling water", "Agua con gas")),
            new Entry("coffee", List.of("Coffee", "Café")),
            new Entry("vegetable-soup", List.of("Vegetable soup", "Sopa de verduras")),
            new Entry("caesar-salad", List.of("Caesar salad", "Ensalada César")));

    private final CatalogMatcher matcher = new CatalogMatcher(CATALOG);

    /** "id" or "id×quantity", best first, joined by spaces. */
    private String found(String text) {
        return matcher.find(text).stream()
                .map(m -> m.quantity() == null ? m.id() : m.id() + "×" + m.quantity())
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "\"{0}\" names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            club sandwich                                  | club-sandwich
            CLUB SANDWICH                                  | club-sandwich
            club sandwhich                                 | club-sandwich
            sandwich club                                  | club-sandwich
            sándwich club                                  | club-sandwich
            a club chicken sandwich                        | club-sandwich×1
            masage                                         | massage-60
            I'd like a massage                             | massage-60×1
            two massages                                   | massage-60×2
            un masaje                                      | massage-60×1
            a 60-minute massage                            | massage-60×1
            spa                                            | massage-60
            is the SPA open?                               | massage-60
            mesa para cenar                                | dinner
            a table for four                               | dinner×1
            vegetable soup                                 | vegetable-soup
            sopa de verduras                               | vegetable-soup
            cesar salad                                    | caesar-salad
            coffe                                          | coffee
            watr please                                    | water
            agua                                           | water
            agua con gas                                   | sparkling-water
            sparkling water                                | sparkling-water
            """)
    void namesAServiceOrMenuItemWithTyposAccentsAndPlurals(String text, String expected) {
        assertEquals(expected, found(text));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            two club sandwiches and a water                | club-sandwich×2 water×1
            dos sándwiches club                            | club-sandwich×2
            dos sandwiches club y un agua                  | club-sandwich×2 water×1
            2 x coffee                                     | coffee×2
            2x coffee                                      | coffee×2
            3 cafés                                        | coffee×3
            un par de cafés                                | coffee×2
            a couple of coffees                            | coffee×2
            a dozen coffees                                | coffee×12
            one coffee and twelve waters                   | coffee×1 water×12
            a sparkling water and a water                  | sparkling-water×1 water×1
            the coffee                                     | coffee
            """)
    void eachEntryComesWithTheQuantitySaidRightBeforeIt(String text, String expected) {
        assertEquals(expected, found(text));
    }

    @ParameterizedTest(name = "\"{0}\" names nothing")
    @CsvSource(delimiter = '|', textBlock = """
            I'd like a vegetable
            see you later
            a cable for my phone
            sap
            spaa
            ''
            """)
    void wholeWordsOnlyShortAliasesExactlyAndNoTypoOfACommonWord(String text) {
        assertEquals(List.of(), matcher.find(text));
    }

    @Test
    void vegetableSoupIsNotADinnerTable() {
        assertEquals("vegetable-soup×2", found("2 vegetable soups"));
    }

    @Test
    void theLongerNameWinsWhereTwoShareWords() {
        assertEquals("sparkling-water", found("sparkling water"));
        assertEquals("sparkling-water×1", found("un agua con gas"));
    }

    @Test
    void exactWordsScoreOneAndATypoScoresLessSoItComesAfter() {
        List<Match> matches = matcher.find("club sandwhich and a coffee");

        assertEquals(
                List.of("coffee", "club-sandwich"),
                matches.stream().map(Match::id).toList());
        assertEquals(1.0, matches.get(0).score());
        assertTrue(matches.get(1).score() < 1.0 && matches.get(1).score() > 0.5, matches.toString());
    }

    @Test
    void equalScoresKeepTheOrderTheGuestSaidThem() {
        assertEquals(
                List.of("water", "coffee", "club-sandwich"),
                matcher.find("water, coffee and a club sandwich").stream()
                        .map(Match::id)
                        .toList());
    }

    @Test
    void anEntryIsFoundOnceWhateverHowOftenItIsSaid() {
        assertEquals("coffee×2", found("2 coffees and another coffee"));
    }

    @Test
    void anEmptyCatalogFindsNothing() {
        assertEquals(List.of(), new CatalogMatcher(List.of()).find("club sandwich"));
    }

    @Test
    void anEntryNeedsAnId() {
        assertThrows(IllegalArgumentException.class, () -> new Entry(" ", List.of("water")));
    }
}
