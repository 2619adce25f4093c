package dev.concierge.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UiLanguageTest {
    private static final Locale SPAIN = Locale.forLanguageTag("es-ES");

    @Test
    void theOptionWinsOverTheLastChoiceAndTheSystem() {
        assertEquals(UiLanguage.EN, UiLanguage.choose(Optional.of(UiLanguage.EN), Optional.of("es"), SPAIN));
        assertEquals(UiLanguage.ES, UiLanguage.choose(Optional.of(UiLanguage.ES), Optional.of("en"), Locale.US));
    }

    @Test
    void withoutTheOptionTheLastChoiceWinsOverTheSystem() {
        assertEquals(UiLanguage.EN, UiLanguage.choose(Optional.empty(), Optional.of("en"), SPAIN));
        assertEquals(UiLanguage.ES, UiLanguage.choose(Optional.empty(), Optional.of("es"), Locale.US));
    }

    @Test
    void withNeitherASpanishSystemGetsSpanishAndAnyOtherEnglish() {
        assertEquals(UiLanguage.ES, UiLanguage.choose(Optional.empty(), Optional.empty(), new Locale("es", "MX")));
        assertEquals(UiLanguage.EN, UiLanguage.choose(Optional.empty(), Optional.empty(), Locale.GERMANY));
        assertEquals(UiLanguage.EN, UiLanguage.choose(Optional.empty(), Optional.of("fr"), Locale.FRANCE));
    }
}
