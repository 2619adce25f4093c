package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WelcomeViewModelTest {
    private final WelcomeViewModel model = new WelcomeViewModel();

    @Test
    void welcomesInEnglishFirst() {
        assertEquals(Language.ENGLISH, model.getLanguage());
        assertEquals("Welcome", model.getWelcomeText());
    }

    @Test
    void welcomesInSpanishOnceAGuestPicksIt() {
        model.choose(Language.SPANISH);

        assertEquals(Language.SPANISH, model.getLanguage());
        assertEquals("Bienvenido", model.getWelcomeText());
    }

    @Test
    void goesBackToEnglish() {
        model.choose(Language.SPANISH);
        model.choose(Language.ENGLISH);

        assertEquals("Welcome", model.getWelcomeText());
    }
}
