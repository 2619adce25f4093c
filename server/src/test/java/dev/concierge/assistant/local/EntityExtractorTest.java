package dev.concierge.assistant.local;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityExtractorTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    /** A Tuesday morning at the venue. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 10, 9, 0, 0, 0, MADRID);

    private final EntityExtractor extractor = new EntityExtractor("ES");

    private Entities english(String text) {
        return extractor.extract(text, "en", NOW);
    }

    private Entities spanish(String text) {
        return extractor.extract(text, "es", NOW);
    }

    private static List<Integer> numbers(String list) {
        return list.isBlank()
                ? List.of()
                : Arrays.stream(list.split(" ")).map(Integer::valueOf).toList();
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            today                                  | 2026-03-10
            Can we come tonight?                   | 2026-03-10
            tomorrow                               | 2026-03-11
            the day after tomorrow                 | 2026-03-12
            day after tomorrow please              | 2026-03-12
            this Saturday                          | 2026-03-14
            on Monday                              | 2026-03-16
            Friday                                 | 2026-03-13
            next Friday                            | 2026-03-13
            next Monday                            | 2026-03-16
            this Tuesday                           | 2026-03-10
            next Tuesday                           | 2026-03-17
            in two days                            | 2026-03-12
            in 3 days                              | 2026-03-13
            in a week                              | 2026-03-17
            March 14                               | 2026-03-14
            March 14th                             | 2026-03-14
            14 March                               | 2026-03-14
            14th of March                          | 2026-03-14
            the 14th of March at 8                 | 2026-03-14
            on the 14th                            | 2026-03-14
            14/3                                   | 2026-03-14
            14/03/2026                             | 2026-03-14
            14.03.2026                             | 2026-03-14
            2026-03-14                             | 2026-03-14
            March 14, 2027                         | 2027-03-14
            Sept 2                                 | 2026-09-02
            Saturday the 14th                      | 2026-03-14
            Friday, 20 March                       | 2026-03-20
            the first of April                     | 2026-04-01
            Friday 8                               | 2026-03-13
            """)
    void englishDatesResolveAgainstTheVenuesToday(String text, LocalDate date) {
        assertEquals(date, english(text).date());
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            hoy                                    | 2026-03-10
            esta noche                             | 2026-03-10
            esta tarde                             | 2026-03-10
            mañana                                 | 2026-03-11
            mañana por la mañana                   | 2026-03-11
            manana a las 8                         | 2026-03-11
            pasado mañana                          | 2026-03-12
            este sábado                            | 2026-03-14
            el próximo viernes                     | 2026-03-13
            el viernes que viene                   | 2026-03-13
            el viernes                             | 2026-03-13
            el martes                              | 2026-03-10
            el miércoles                           | 2026-03-11
            dentro de dos días                     | 2026-03-12
            en 3 días                              | 2026-03-13
            el 14 de marzo                         | 2026-03-14
            14 de marzo de 2027                    | 2027-03-14
            el día 20                              | 2026-03-20
            para el 20 a las 9                     | 2026-03-20
            14/3                                   | 2026-03-14
            el treinta y uno de marzo              | 2026-03-31
            el sábado 14 a las 21:30               | 2026-03-14
            el primero de abril                    | 2026-04-01
            """)
    void spanishDatesResolveAgainstTheVenuesToday(String text, LocalDate date) {
        assertEquals(date, spanish(text).date());
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            March 1                                | 2027-03-01
            1st of March                           | 2027-03-01
            el 1 de marzo                          | 2027-03-01
            1/3                                    | 2027-03-01
            the 5th                                | 2026-04-05
            14/03/2025                             | 2025-03-14
            March 10                               | 2026-03-10
            """)
    void aDayThatHasPassedThisYearOrMonthIsTheNextOneUnlessTheYearIsSaid(String text, LocalDate date) {
        assertEquals(date, english(text).date());
    }

    @ParameterizedTest(name = "\"{0}\" has no date")
    @CsvSource(delimiter = '|', textBlock = """
            3/14
            Can I book a massage?
            good morning
            por la mañana
            may I order 2 coffees
            I stayed 3 nights last year
            """)
    void monthFirstSlashesAndWordsThatOnlyLookLikeDatesGiveNoDate(String text) {
        assertNull(english(text).date());
    }

    @Test
    void saidOnASaturdayThisSaturdayIsTodayAndNextSaturdayIsAWeekLater() {
        ZonedDateTime saturday = ZonedDateTime.of(2026, 3, 14, 10, 0, 0, 0, MADRID);

        assertEquals(
                LocalDate.of(2026, 3, 14),
                extractor.extract("this Saturday", "en", saturday).date());
        assertEquals(
                LocalDate.of(2026, 3, 14),
                extractor.extract("este sábado", "es", saturday).date());
        assertEquals(
                LocalDate.of(2026, 3, 21),
                extractor.extract("next Saturday", "en", saturday).date());
        assertEquals(
                LocalDate.of(2026, 3, 21),
                extractor.extract("el próximo sábado", "es", saturday).date());
    }

    @Test
    void relativeDaysCrossTheEndOfTheYear() {
        ZonedDateTime newYearsEve = ZonedDateTime.of(2026, 12, 31, 22, 0, 0, 0, MADRID);

        assertEquals(
                LocalDate.of(2027, 1, 1),
                extractor.extract("tomorrow", "en", newYearsEve).date());
        assertEquals(
                LocalDate.of(2027, 1, 5),
                extractor.extract("el 5 de enero", "es", newYearsEve).date());
        assertEquals(
                LocalDate.of(2027, 1, 4),
                extractor.extract("on Monday", "en", newYearsEve).date());
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            7pm                                    | 19:00
            7 pm                                   | 19:00
            7:30pm                                 | 19:30
            7.30 p.m.                              | 19:30
            11am                                   | 11:00
            12pm                                   | 12:00
            12am                                   | 00:00
            19:00                                  | 19:00
            19h                                    | 19:00
            19h30                                  | 19:30
            07:30                                  | 07:30
            at 8                                   | 08:00
            at 9.45                                | 09:45
            at 1                                   | 13:00
            at 6                                   | 18:00
            at 7                                   | 07:00
            at 12                                  | 12:00
            at 0:30                                | 00:30
            at 6:00                                | 18:00
            at 06:00                               | 06:00
            at 8 tonight                           | 20:00
            tonight at 8                           | 20:00
            dinner at 8                            | 20:00
            breakfast at 6                         | 06:00
            at 8 in the evening                    | 20:00
            at 8 in the morning                    | 08:00
            at 3 this afternoon                    | 15:00
            at 11 at night                         | 23:00
            at 2 at night                          | 02:00
            at eight                               | 08:00
            can you bring it by 10?                | 10:00
            around 9 for dinner                    | 21:00
            at 7:30                                | 07:30
            at 7:30 in the evening                 | 19:30
            half past seven                        | 07:30
            half past seven tonight                | 19:30
            quarter past eight                     | 08:15
            quarter to eight                       | 07:45
            a quarter to eight in the evening      | 19:45
            at ten past nine                       | 09:10
            at twenty to eight                     | 07:40
            at half seven                          | 07:30
            at seven thirty                        | 07:30
            eight o'clock                          | 08:00
            noon                                   | 12:00
            at 12 noon                             | 12:00
            midday                                 | 12:00
            midnight                               | 00:00
            """)
    void englishTimesUseTheDayPartOrTheHotelRule(String text, LocalTime time) {
        assertEquals(time, english(text).time());
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a las 7 de la tarde                    | 19:00
            a las 8 de la noche                    | 20:00
            a las diez de la mañana                | 10:00
            a las siete y media                    | 07:30
            a las siete y media de la tarde        | 19:30
            a las 9 y cuarto                       | 09:15
            a las ocho menos cuarto                | 07:45
            a las 8 menos diez de la noche         | 19:50
            a las 8 y 10                           | 08:10
            a la una                               | 13:00
            a la una y media                       | 13:30
            a las 2 de la madrugada                | 02:00
            a las 12 de la noche                   | 00:00
            a las 2 del mediodía                   | 14:00
            mediodía                               | 12:00
            al mediodía                            | 12:00
            medianoche                             | 00:00
            a las 19:00                            | 19:00
            19h                                    | 19:00
            a las 20 horas                         | 20:00
            sobre las 9 para cenar                 | 21:00
            esta noche a las 9                     | 21:00
            mañana por la mañana a las 9           | 09:00
            mañana a las 8                         | 08:00
            7 de la tarde                          | 19:00
            las 8 en punto                         | 08:00
            """)
    void spanishTimesUseTheDayPartOrTheHotelRule(String text, LocalTime time) {
        assertEquals(time, spanish(text).time());
    }

    @ParameterizedTest(name = "\"{0}\" has no time")
    @CsvSource(delimiter = '|', textBlock = """
            tomorrow evening
            this afternoon
            tonight
            esta tarde
            por la mañana
            mañana por la noche
            a table for 8
            about 4 people
            at the pool
            room 12
            """)
    void dayPartsAloneAndCountsGiveNoTime(String text) {
        assertNull(english(text).time());
    }

    @ParameterizedTest(name = "\"{0}\" is {1} at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            tomorrow evening at 8                  | 2026-03-11 | 20:00
            tomorrow at 7:30pm                     | 2026-03-11 | 19:30
            Friday at 1                            | 2026-03-13 | 13:00
            14/03/2026 at 19:00                    | 2026-03-14 | 19:00
            mañana por la noche a las 9            | 2026-03-11 | 21:00
            el viernes a las 2 de la tarde         | 2026-03-13 | 14:00
            hoy a mediodía                         | 2026-03-10 | 12:00
            """)
    void aDateAndATimeInOneMessage(String text, LocalDate date, LocalTime time) {
        Entities entities = spanish(text);

        assertEquals(date, entities.date());
        assertEquals(time, entities.time());
    }

    @ParameterizedTest(name = "\"{0}\" is a party of {1}")
    @CsvSource(delimiter = '|', textBlock = """
            two of us                              | 2
            there will be five of us               | 5
            for 4                                  | 4
            a table for four                       | 4
            table for 2 at 9                       | 2
            we are 3                               | 3
            we're 6 people                         | 6
            we will be 7                           | 7
            4 people                               | 4
            3 guests                               | 3
            party of 12                            | 12
            we are a couple                        | 2
            for a couple tonight                   | 2
            2 adults and 1 child                   | 3
            we are 2 adults and 2 kids             | 4
            a table for 2 adults and a child       | 3
            at 8 people                            | 8
            just me                                | 1
            me and my wife                         | 2
            my husband and I                       | 2
            for twenty-one                         | 21
            for twenty one                         | 21
            """)
    void englishPartySizes(String text, int size) {
        assertEquals(size, english(text).partySize());
    }

    @ParameterizedTest(name = "\"{0}\" is a party of {1}")
    @CsvSource(delimiter = '|', textBlock = """
            para cuatro                            | 4
            mesa para dos                          | 2
            somos tres                             | 3
            seremos 8                              | 8
            2 personas                             | 2
            dos adultos                            | 2
            dos adultos y un niño                  | 3
            para una persona                       | 1
            solo yo                                | 1
            sólo yo                                | 1
            mi mujer y yo                          | 2
            somos dieciséis                        | 16
            para veintidós personas                | 22
            grupo de 10                            | 10
            """)
    void spanishPartySizes(String text, int size) {
        assertEquals(size, spanish(text).partySize());
    }

    @ParameterizedTest(name = "\"{0}\" has no party size")
    @CsvSource(delimiter = '|', textBlock = """
            for 3 nights
            for 8pm
            two club sandwiches
            for 2 hours
            at 8
            room 12
            for the 14th
            para las 8
            """)
    void nightsTimesAndThingsAreNoParty(String text) {
        assertNull(english(text).partySize());
    }

    @ParameterizedTest(name = "\"{0}\" is {1} to {2}, {3} nights")
    @CsvSource(delimiter = '|', textBlock = """
            from Friday to Sunday                           | 2026-03-13 | 2026-03-15 | 2
            from Friday to Monday                           | 2026-03-13 | 2026-03-16 | 3
            del viernes al domingo                          | 2026-03-13 | 2026-03-15 | 2
            del 13 al 15 de marzo                           | 2026-03-13 | 2026-03-15 | 2
            del 3 al 5 de marzo                             | 2027-03-03 | 2027-03-05 | 2
            from the 20th to the 22nd of March              | 2026-03-20 | 2026-03-22 | 2
            March 20 to 22                                  | 2026-03-20 | 2026-03-22 | 2
            20-22 March                                     | 2026-03-20 | 2026-03-22 | 2
            from 20/3 to 23/3                               | 2026-03-20 | 2026-03-23 | 3
            from the first to the third of May              | 2026-05-01 | 2026-05-03 | 2
            del 30 de marzo al 2 de abril                   | 2026-03-30 | 2026-04-02 | 3
            from 30/12 to 2/1                               | 2026-12-30 | 2027-01-02 | 3
            3 nights from Friday                            | 2026-03-13 | 2026-03-16 | 3
            Friday for three nights                         | 2026-03-13 | 2026-03-16 | 3
            tonight for a couple of nights                  | 2026-03-10 | 2026-03-12 | 2
            el 14 de marzo, tres noches                     | 2026-03-14 | 2026-03-17 | 3
            una noche, mañana                               | 2026-03-11 | 2026-03-12 | 1
            check in 14/3, check out 16/3                   | 2026-03-14 | 2026-03-16 | 2
            we arrive on 14 March and leave on 16 March     | 2026-03-14 | 2026-03-16 | 2
            """)
    void staysHaveACheckOutAndNights(String text, LocalDate date, LocalDate checkOut, int nights) {
        Entities entities = english(text);

        assertEquals(date, entities.date(), "date");
        assertEquals(checkOut, entities.checkOut(), "check-out");
        assertEquals(nights, entities.nights(), "nights");
    }

    @ParameterizedTest(name = "\"{0}\" is {1} nights without a date")
    @CsvSource(delimiter = '|', textBlock = """
            3 nights                               | 3
            for three nights                       | 3
            tres noches                            | 3
            una noche                              | 1
            just for a night                       | 1
            """)
    void nightsWithoutADateGiveNoCheckOut(String text, int nights) {
        Entities entities = spanish(text);

        assertEquals(nights, entities.nights());
        assertNull(entities.date());
        assertNull(entities.checkOut());
    }

    @Test
    void theTwoDatesOfAStayWinOverNightsThatDisagree() {
        Entities entities = english("from Friday to Sunday, 3 nights");

        assertEquals(LocalDate.of(2026, 3, 15), entities.checkOut());
        assertEquals(2, entities.nights());
    }

    @Test
    void twoDatesWithoutARangeWordAreNoStay() {
        Entities entities = english("Friday or Saturday?");

        assertEquals(LocalDate.of(2026, 3, 13), entities.date());
        assertNull(entities.checkOut());
        assertNull(entities.nights());
    }

    @ParameterizedTest(name = "\"{0}\" is named {1}")
    @CsvSource(delimiter = '|', textBlock = """
            I'm Ana López                                   | Ana López
            i'm ana lópez and my email is ana@example.com   | Ana López
            Hi, I am Bob Smith, room 12                     | Bob Smith
            my name is ana lópez                            | Ana López
            My name's Jean-Luc Picard                       | Jean-Luc Picard
            Hello, this is Bob                              | Bob
            This is Bob from room 12                        | Bob
            name: Mary O'brien                              | Mary O'Brien
            call me Liz                                     | Liz
            I'm Will                                        | Will
            under the name of Smith please                  | Smith
            my name is Ana Smith phone 612 345 678          | Ana Smith
            """)
    void englishNamesAreProperCased(String text, String name) {
        assertEquals(name, english(text).name());
    }

    @ParameterizedTest(name = "\"{0}\" is named {1}")
    @CsvSource(delimiter = '|', textBlock = """
            me llamo ana lópez                              | Ana López
            Me llamo ANA LÓPEZ y mi teléfono es 612345678   | Ana López
            soy Ana López, mi email es ana@example.com      | Ana López
            Hola, soy María José García                     | María José García
            mi nombre es Pedro                              | Pedro
            me llamo Ana de la Fuente                       | Ana de la Fuente
            me llamo Ana de la habitación 12                | Ana
            a nombre de Luis Pérez                          | Luis Pérez
            """)
    void spanishNamesAreProperCased(String text, String name) {
        assertEquals(name, spanish(text).name());
    }

    @ParameterizedTest(name = "\"{0}\" names nobody")
    @CsvSource(delimiter = '|', textBlock = """
            I'm looking for a table
            I'm hungry
            I'm from Madrid
            I'm in room 12
            I'm allergic to nuts
            I'm not sure
            I am staying until Friday
            soy de Madrid
            soy alérgica al marisco
            soy el de la habitación 12
            this is great
            this is urgent
            call me later
            call me at 612345678
            what is this is it free
            """)
    void wordsAfterIntroductionsThatAreNoNames(String text) {
        assertNull(english(text).name());
    }

    @ParameterizedTest(name = "\"{0}\" has e-mail {1}")
    @CsvSource(delimiter = '|', textBlock = """
            my email is Ana.Lopez@Example.com.              | ana.lopez@example.com
            email: bob+hotel@mail.co.uk, thanks             | bob+hotel@mail.co.uk
            escríbeme a ana_84@correo.es!                   | ana_84@correo.es
            """)
    void emailsAreLowerCasedWithoutTrailingPunctuation(String text, String email) {
        assertEquals(email, english(text).email());
    }

    @ParameterizedTest(name = "\"{0}\" has phone {1}")
    @CsvSource(delimiter = '|', textBlock = """
            my phone is +34 612 345 678                     | +34612345678
            612 345 678                                     | +34612345678
            call me on 612345678 please                     | +34612345678
            mi teléfono es 971 00 00 00                     | +34971000000
            +44 20 7946 0958                                | +442079460958
            for 4 people at 19:00, phone 612 34 56 78       | +34612345678
            """)
    void phonesAreReadInE164WithTheVenuesRegion(String text, String phone) {
        assertEquals(phone, english(text).phone());
    }

    @ParameterizedTest(name = "\"{0}\" has no phone")
    @CsvSource(delimiter = '|', textBlock = """
            at 19:00
            on 14/03/2026 at 19:00
            2026-03-14 at 19:30 for 4
            room 305
            reference MR-7K3Q
            a table for 4 at 8 in room 305
            12345
            """)
    void timesDatesRoomsAndReferencesAreNoPhones(String text) {
        assertNull(english(text).phone());
    }

    @Test
    void aPhoneIsNotAlsoReadAsNumbers() {
        Entities entities = english("2 coffees, my number is +34 612 345 678");

        assertEquals("+34612345678", entities.phone());
        assertEquals(List.of(2), entities.numbers());
    }

    @ParameterizedTest(name = "\"{0}\" is room {1}")
    @CsvSource(delimiter = '|', textBlock = """
            room 12                                | 12
            two club sandwiches to room 305        | 305
            room number 12                         | 12
            Room no. 7                             | 7
            habitación 12                          | 12
            hab. 12                                | 12
            a la habitación doce                   | 12
            I'm Ana, my room is 305                | 305
            mi habitación es la 12                 | 12
            """)
    void roomNumbers(String text, String room) {
        assertEquals(room, spanish(text).roomNumber());
    }

    @Test
    void aRoomForPeopleIsAPartyNotARoomNumber() {
        Entities entities = english("the room is 2 people");

        assertNull(entities.roomNumber());
        assertEquals(2, entities.partySize());
    }

    @Test
    void theRegionMayBeGivenInLowerCase() {
        assertEquals(
                "+34612345678",
                new EntityExtractor("es").extract("612 345 678", "es", NOW).phone());
    }

    @ParameterizedTest(name = "\"{0}\" has reference {1}")
    @CsvSource(delimiter = '|', textBlock = """
            my booking is MR-7K3Q                  | MR-7K3Q
            cancel mr-7k3q please                  | MR-7K3Q
            reserva MR-ABCD                        | MR-ABCD
            """)
    void referencesAreUpperCased(String text, String reference) {
        assertEquals(reference, english(text).reference());
    }

    @ParameterizedTest(name = "\"{0}\" has no reference")
    @CsvSource(delimiter = '|', textBlock = """
            de-casa
            MR-7K3O
            MR-7K3Q2
            check-in
            """)
    void lookAlikesAreNoReferences(String text) {
        assertNull(english(text).reference());
    }

    @ParameterizedTest(name = "\"{0}\" has numbers [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            two club sandwiches                    | 2
            2 waters and three coffees             | 2 3
            table for 4 at 8 and two cokes         | 2
            room 305, 2 towels                     | 2
            a couple of towels                     | 2
            dos cafés y una tostada                | 2
            tomorrow at 8 for 2 people             | ''
            once cafés                             | 11
            Friday 8                               | 8
            quince toallas                         | 15
            """)
    void otherNumbersAreTheOnesNoReaderTook(String text, String expected) {
        assertEquals(numbers(expected), spanish(text).numbers());
    }

    @Test
    void onceIsElevenOnlyInSpanish() {
        assertEquals(List.of(), english("I only asked once").numbers());
        assertEquals(List.of(11), spanish("once toallas").numbers());
    }

    @ParameterizedTest(name = "\"{0}\": yes {1}, no {2}")
    @CsvSource(delimiter = '|', textBlock = """
            yes                                    | true  | false
            Yeah, that's fine                      | true  | false
            sure                                   | true  | false
            ok                                     | true  | false
            That's correct                         | true  | false
            I confirm                              | true  | false
            sí                                     | true  | false
            si, perfecto                           | true  | false
            vale                                   | true  | false
            claro que sí                           | true  | false
            de acuerdo                             | true  | false
            Perfecto, gracias                      | true  | false
            no problem                             | true  | false
            no                                     | false | true
            nope                                   | false | true
            cancel that                            | false | true
            no gracias                             | false | true
            no thanks                              | false | true
            mejor no                               | false | true
            creo que no                            | false | true
            I'm not sure                           | false | false
            no está bien                           | false | true
            ¿cuánto vale?                          | false | false
            si es posible a las 8                  | false | false
            I have no allergies                    | false | false
            a las 8, ¿no?                          | false | false
            what time is breakfast                 | false | false
            """)
    void yesAndNoInBothLanguages(String text, boolean affirmative, boolean negative) {
        Entities entities = spanish(text);

        assertEquals(affirmative, entities.affirmative(), "affirmative");
        assertEquals(negative, entities.negative(), "negative");
    }

    @Test
    void aCorrectionIsANoAndANewTime() {
        Entities entities = english("no, better at 6");

        assertTrue(entities.negative());
        assertFalse(entities.affirmative());
        assertEquals(LocalTime.of(18, 0), entities.time());
    }

    @Test
    void oneMessageWithEverything() {
        Entities entities = english(
                "Hi, I'm Ana López. Table for 4 tomorrow at 8pm please, my email is ANA@example.com and phone +34 612 345 678");

        assertAll(
                () -> assertEquals(LocalDate.of(2026, 3, 11), entities.date()),
                () -> assertEquals(LocalTime.of(20, 0), entities.time()),
                () -> assertEquals(4, entities.partySize()),
                () -> assertEquals("Ana López", entities.name()),
                () -> assertEquals("ana@example.com", entities.email()),
                () -> assertEquals("+34612345678", entities.phone()),
                () -> assertEquals(List.of(), entities.numbers()),
                () -> assertNull(entities.checkOut()),
                () -> assertNull(entities.roomNumber()),
                () -> assertNull(entities.reference()),
                () -> assertFalse(entities.negative()));
    }

    @Test
    void anEmptyMessageMentionsNothing() {
        Entities entities = english("");

        assertEquals(
                new Entities(null, null, null, null, null, null, null, null, null, null, List.of(), false, false),
                entities);
    }

    @Test
    void anyMixOfTrickyWordsReadsWithoutFailingAndKeepsStaysAndDatesSane() {
        String[] words = {
            "at",
            "a",
            "las",
            "la",
            "una",
            "de",
            "del",
            "al",
            "el",
            "to",
            "from",
            "for",
            "para",
            "the",
            "of",
            "-",
            "/",
            ",",
            ".",
            "¿",
            "?",
            "0",
            "1",
            "2",
            "3",
            "7",
            "12",
            "13",
            "24",
            "29",
            "30",
            "31",
            "32",
            "99",
            "305",
            "2026",
            "612",
            "345",
            "678",
            "+34",
            "19:00",
            "7:30",
            "0:00",
            "23:59",
            "7pm",
            "12am",
            "19h",
            "31/2",
            "29/2",
            "14/3",
            "3/14",
            "march",
            "feb",
            "mar",
            "may",
            "marzo",
            "friday",
            "sábado",
            "next",
            "próximo",
            "this",
            "esta",
            "today",
            "tomorrow",
            "mañana",
            "pasado",
            "tonight",
            "noche",
            "noches",
            "nights",
            "night",
            "tarde",
            "morning",
            "evening",
            "in",
            "en",
            "dentro",
            "days",
            "días",
            "week",
            "half",
            "past",
            "quarter",
            "y",
            "media",
            "menos",
            "cuarto",
            "o'clock",
            "noon",
            "mediodía",
            "twenty",
            "one",
            "treinta",
            "couple",
            "dozen",
            "people",
            "personas",
            "we",
            "are",
            "somos",
            "just",
            "me",
            "solo",
            "yo",
            "room",
            "hab",
            "I'm",
            "soy",
            "my",
            "name",
            "is",
            "me",
            "llamo",
            "Ana",
            "López",
            "no",
            "yes",
            "sí",
            "vale",
            "MR-7K3Q",
            "ana@x.es"
        };
        Random random = new Random(20260310);
        for (int run = 0; run < 5_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(12); w >= 0; w--) {
                text.append(words[random.nextInt(words.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            Entities entities = english(text.toString());

            String message = "\"" + text + "\" → " + entities;
            if (entities.checkOut() != null) {
                assertTrue(entities.date() != null && entities.checkOut().isAfter(entities.date()), message);
                assertEquals(
                        entities.nights(),
                        (int) java.time.temporal.ChronoUnit.DAYS.between(entities.date(), entities.checkOut()),
                        message);
            }
            if (entities.date() != null && !text.toString().contains("2026")) {
                assertFalse(entities.date().isBefore(NOW.toLocalDate()), message);
            }
            if (entities.partySize() != null) {
                assertTrue(entities.partySize() >= 1 && entities.partySize() <= 100, message);
            }
        }
    }
}
