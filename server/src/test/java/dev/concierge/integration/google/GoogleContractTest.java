package dev.concierge.integration.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.testing.DiscoveryContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The calendar event ids we choose are what Google accepts, and the discovery check that {@code FakeGoogle} applies
 * to every request does refuse what Google would: a property the schema lacks, an unknown query parameter, a missing
 * required field, a wrong enum value, a method at the wrong path.
 */
class GoogleContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DiscoveryContract CALENDAR = spec("google.calendar.spec", "google-calendar.v3.json");
    private static final DiscoveryContract SHEETS = spec("google.sheets.spec", "google-sheets.v4.json");

    /** The failsafe property when there is one, else shared/specs beside the clone (as the server's pom lays it). */
    private static DiscoveryContract spec(String property, String file) {
        String path = System.getProperty(property);
        return DiscoveryContract.read(path != null ? Path.of(path) : Path.of("..", "..", "shared", "specs", file));
    }

    @Test
    void eventIdsAreBase32HexOfAFixedLengthAndTheSameForTheSameBooking() {
        String id = CalendarEventIds.of("HT-7K3Q");
        assertTrue(id.matches("[a-v0-9]{32}"), id);
        assertEquals(id, CalendarEventIds.of("HT-7K3Q"));
        assertNotEquals(id, CalendarEventIds.of("HT-7K3R"));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aValidInsertPasses() throws Exception {
        var call = CALENDAR.match("POST", "/calendar/v3/calendars/front%40desk/events")
                .orElseThrow();
        assertEquals("calendar.events.insert", call.id());
        assertEquals("front@desk", call.pathParameters().get("calendarId"));
        assertEquals(
                List.of(),
                CALENDAR.problems(
                        call,
                        Map.of(),
                        json("{\"id\": \"abc12\", \"start\": {\"dateTime\": \"2026-03-10T10:00:00+01:00\"},"
                                + " \"end\": {\"date\": \"2026-03-11\"},"
                                + " \"extendedProperties\": {\"private\": {\"anything\": \"x\"}}}")));
    }

    @Test
    void whatGoogleWouldRefuseIsAProblem() throws Exception {
        var insert =
                CALENDAR.match("POST", "/calendar/v3/calendars/primary/events").orElseThrow();
        List<String> problems = CALENDAR.problems(
                insert,
                Map.of("sendUpdate", "all"),
                json("{\"start\": {\"dateTim\": \"2026-03-10T10:00:00Z\"}, \"summary\": 3}"));
        assertTrue(
                problems.stream().anyMatch(p -> p.contains("unknown query parameter sendUpdate")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("has no property dateTim")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("Event.end is required")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("summary should be a string")), problems.toString());

        var update =
                SHEETS.match("POST", "/v4/spreadsheets/s1/values:batchUpdate").orElseThrow();
        assertEquals("sheets.spreadsheets.values.batchUpdate", update.id());
        List<String> sheet = SHEETS.problems(
                update, Map.of(), json("{\"valueInputOption\": \"TEXT\", \"data\": [{\"rang\": \"A1\"}]}"));
        assertTrue(sheet.stream().anyMatch(p -> p.contains("valueInputOption is not one of")), sheet.toString());
        assertTrue(sheet.stream().anyMatch(p -> p.contains("has no property rang")), sheet.toString());

        assertTrue(
                CALENDAR.match("PATCH", "/calendar/v3/calendars/primary/events").isEmpty(), "no such method");
        var list =
                CALENDAR.match("GET", "/calendar/v3/calendars/primary/events").orElseThrow();
        assertTrue(CALENDAR.problems(list, Map.of("syncToken", "t", "singleEvents", "true"), null)
                .isEmpty());
    }
}
