package dev.concierge.assistant.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.crm.ContactKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model's arguments become slots only as the forms write them; anything else is an error the model is told. */
class ArgumentsTest {
    private static final ContactKeys SPAIN = ContactKeys.forVenuePhone("+34 971 000 000");

    private static Arguments args(String json) {
        return Arguments.parse(json, new ObjectMapper(), SPAIN);
    }

    private static String problem(Runnable reading) {
        return assertThrows(Arguments.BadArgument.class, reading::run).getMessage();
    }

    @Test
    void datesTimesAndCountsAreWrittenAsTheSlotsKeepThem() {
        Arguments a = args("{\"date\": \"2026-03-11\", \"time\": \"9:30\", \"party\": 4, \"late\": \"21:05\"}");

        assertEquals("2026-03-11", a.date("date"));
        assertEquals("21:05", a.time("late"));
        assertEquals("4", a.count("party", 1, 500));
        assertTrue(problem(() -> a.time("time")).contains("HH:mm"), "a time without its leading zero is not HH:mm");
    }

    @Test
    void nullAndMissingAndBlankAreNotSaidYet() {
        Arguments a = args("{\"date\": null, \"name\": \"  \"}");

        assertNull(a.date("date"));
        assertNull(a.text("name"));
        assertNull(a.count("party", 1, 10));
        assertNull(a.phone("phone"));
    }

    @Test
    void malformedValuesAreNamedForTheModel() {
        Arguments a = args("{\"date\": \"tomorrow\", \"time\": \"10:00:30\", \"party\": 0, \"guests\": 2.5,"
                + " \"email\": \"ana at example\", \"phone\": \"12\", \"service\": \"hot-stone\"}");

        assertTrue(problem(() -> a.date("date")).contains("YYYY-MM-DD"));
        assertTrue(problem(() -> a.time("time")).contains("HH:mm"));
        assertTrue(problem(() -> a.count("party", 1, 500)).contains("from 1 to 500"));
        assertTrue(problem(() -> a.count("guests", 1, 50)).contains("whole number"));
        assertTrue(problem(() -> a.email("email")).contains("e-mail"));
        assertTrue(problem(() -> a.phone("phone")).contains("phone"));
        assertTrue(problem(() -> a.oneOf("service", List.of("massage-60"))).contains("massage-60"));
    }

    @Test
    void aPhoneWithoutItsCountryCodeIsTheVenuesCountrysInE164() {
        assertEquals("+34612345678", args("{\"phone\": \"612 345 678\"}").phone("phone"));
        assertEquals("ana@example.com", args("{\"email\": \"Ana@Example.com\"}").email("email"));
    }

    @Test
    void argumentsThatAreNoJsonObjectAreRefused() {
        assertTrue(problem(() -> args("{\"date\": ")).contains("not JSON"));
        assertTrue(problem(() -> args("[1, 2]")).contains("JSON object"));
    }
}
