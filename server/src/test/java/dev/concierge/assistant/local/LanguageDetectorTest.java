package dev.concierge.assistant.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {
    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Hola, quiero reservar un masaje                | es
            Can I book a massage?                          | en
            ¿Tienen parking?                               | es
            Mañana a las 8                                 | es
            Buenas noches                                  | es
            Good evening                                   | en
            I'd like a table for two tonight               | en
            una mesa para dos esta noche                   | es
            What time is check-out?                        | en
            ¿A qué hora es la salida?                      | es
            Gracias!                                       | es
            Thanks!                                        | en
            sí                                             | es
            yes                                            | en
            Me llamo José                                  | es
            My name is José                                | en
            ¡Perfecto!                                     | es
            my email is ana@correo.es                      | en
            HOLA QUIERO UNA HABITACION                     | es
            Is the pool open today?                        | en
            """)
    void tellsEnglishFromSpanishByTheirWords(String text, String language) {
        assertEquals(language, detector.detect(text, "en"));
        assertEquals(language, detector.detect(text, "es"));
    }

    @ParameterizedTest(name = "\"{0}\" gives no evidence")
    @CsvSource(delimiter = '|', textBlock = """
            parking?
            ok
            19:00
            ana.lopez@example.com
            hotel
            spa
            no
            MR-7K3Q
            https://www.example.com/la-casa-de-la-playa
            ''
            """)
    void answersTheFallbackWhenTheWordsSayNothing(String text) {
        assertEquals("en", detector.detect(text, "en"));
        assertEquals("es", detector.detect(text, "es"));
    }

    @Test
    void aWordInsideAnEmailAddressIsNoEvidence() {
        assertEquals("en", detector.detect("la.casa@example.com", "en"));
        assertEquals("en", detector.detect("write to la.casa@example.com please", "es"));
    }

    @Test
    void aLongSpanishMessageIsSpanish() {
        // speed belongs in the assistant's benchmark (issue 6), not in a timed test
        String sentence = "Hola, quisiera reservar una mesa para cuatro personas mañana a las nueve. ";
        String message = sentence.repeat(2000 / sentence.length());

        assertEquals("es", detector.detect(message, "en"));
    }
}
