package dev.concierge.assistant.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What guests say, in English and Spanish, on Tuesday 10 March 2026 at 09:00 in Madrid. */
class EntityExtractorTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 10, 9, 0, 0, 0, ZoneId.of("Europe/Madrid"));
    private static final EntityExtractor EXTRACTOR = new EntityExtractor("ES");

    private static Entities extract(String text) {
        return EXTRACTOR.extract(text, "en", NOW);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "today at 5                         | 2026-03-10",
                "tomorrow evening at 8              | 2026-03-11",
                "the day after tomorrow             | 2026-03-12",
                "this Saturday                      | 2026-03-14",
                "on Tuesday                         | 2026-03-10",
                "next Tuesday                       | 2026-03-17",
                "in two days                        | 2026-03-12",
                "March 14                           | 2026-03-14",
                "14th of March                      | 2026-03-14",
                "on 2 January                       | 2027-01-02",
                "14/3                               | 2026-03-14",
                "2026-04-01                         | 2026-04-01",
                "mañana a las 8                     | 2026-03-11",
                "pasado mañana                      | 2026-03-12",
                "el próximo viernes a las 7 de la tarde | 2026-03-13",
                "este sábado                        | 2026-03-14",
                "dentro de tres días                | 2026-03-13",
                "el 14 de marzo                     | 2026-03-14",
            })
    void datesResolveAgainstTheVenuesToday(String text, LocalDate date) {
        assertEquals(date, extract(text).date());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "7pm                                | 19:00",
                "at 7:30 pm                         | 19:30",
                "19:00                              | 19:00",
                "19h                                | 19:00",
                "tomorrow evening at 8              | 20:00",
                "at 10 in the morning               | 10:00",
                "at 10am                            | 10:00",
                "at 4                               | 16:00",
                "at 9                               | 09:00",
                "half past seven for dinner         | 19:30",
                "quarter to eight in the morning    | 07:45",
                "noon                               | 12:00",
                "a las 7 de la tarde                | 19:00",
                "a las 8 de la noche                | 20:00",
                "a las diez de la mañana            | 10:00",
                "a las siete y media para cenar     | 19:30",
                "mediodía                           | 12:00",
                "no, better at 6                    | 18:00",
            })
    void timesFollowAHotelsDay(String text, LocalTime time) {
        assertEquals(time, extract(text).time());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a table for four                   | 4",
                "two of us                          | 2",
                "for 3 people                       | 3",
                "we are 5                           | 5",
                "para cuatro                        | 4",
                "somos tres                         | 3",
                "2 personas                         | 2",
                "just me                            | 1",
            })
    void partySizes(String text, int party) {
        assertEquals(party, extract(text).partySize());
    }

    @Test
    void nightsAreNotAParty() {
        Entities stay = extract("a room from March 14 for 3 nights");
        assertNull(stay.partySize());
        assertEquals(3, stay.nights());
        assertEquals(LocalDate.of(2026, 3, 17), stay.checkOut());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "I'm Ana López                      | Ana López",
                "my name is ana lópez and my phone  | Ana López",
                "me llamo María José Pérez          | María José Pérez",
                "Soy Carlos, mi email es c@x.es     | Carlos",
            })
    void names(String text, String name) {
        assertEquals(name, extract(text).name());
    }

    @ParameterizedTest
    @CsvSource({"I'm looking for the spa", "I'm hungry", "soy de Madrid", "I am not sure"})
    void wordsAfterImThatAreNoName(String text) {
        assertNull(extract(text).name());
    }

    @Test
    void contactDetailsRoomsAndReferences() {
        Entities e = extract("Ana.Lopez@Example.com, 612 345 678, room 305, booking mr-7k3q at 19:00 on 14/03/2026");

        assertEquals("ana.lopez@example.com", e.email());
        assertEquals("+34612345678", e.phone());
        assertEquals("305", e.roomNumber());
        assertEquals("MR-7K3Q", e.reference());
        assertEquals(LocalTime.of(19, 0), e.time());
    }

    @Test
    void timesDatesAndRoomsAreNoPhoneNumbers() {
        assertNull(extract("room 1204 at 19:00 on 14/03/2026 for 4").phone());
        assertEquals("+447946000000", extract("call me on +44 7946 000000").phone());
    }

    @Test
    void yesNoAndCorrections() {
        assertTrue(extract("yes please").affirmative());
        assertTrue(extract("Sí, vale").affirmative());
        assertTrue(extract("no, better at 6").negative());
        assertTrue(extract("mejor no").negative());
        assertFalse(extract("at 6").negative());
        assertEquals(List.of(2), extract("two club sandwiches").numbers());
    }
}
