package dev.concierge.crm;

import static dev.concierge.jooq.Tables.BOOKING;
import static dev.concierge.jooq.Tables.CONTACT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every booking is linked to one CRM contact per person, however the guest spells their e-mail or phone. */
class ContactLinkIT {
    @TempDir
    Path dataDir;

    private TestServer server;
    private RawHttp desk;

    @BeforeEach
    void start() {
        Path venue = VenueBuilder.smallHotel().writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(LocalDateTime.of(2026, 3, 9, 9, 0)));
        desk = server.http().bearer(server.tokenFor("front_desk"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String massage(String start, String contact) {
        return "{\"serviceId\": \"massage-60\", \"start\": \"" + start + "\", \"partySize\": 1, \"contact\": " + contact
                + "}";
    }

    private static String dinner(String start, String contact) {
        return "{\"serviceId\": \"dinner\", \"start\": \"" + start + "\", \"partySize\": 2, \"contact\": " + contact
                + "}";
    }

    private static String stay(String checkIn, String checkOut, String contact) {
        return "{\"roomTypeId\": \"double\", \"checkIn\": \"" + checkIn + "\", \"checkOut\": \"" + checkOut
                + "\", \"guests\": 2, \"contact\": " + contact + "}";
    }

    private long contactOf(String body) {
        Response response = desk.postJson("/api/staff/bookings", body);
        assertEquals(201, response.status(), response.body());
        return response.json().path("contactId").asLong();
    }

    private JsonNode search(String q) {
        return desk.get("/api/staff/contacts?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .json();
    }

    @Test
    void oneContactPerPersonAcrossSpellingsOfEmailAndPhone() {
        long first = contactOf(massage("2026-03-10T10:00", "{\"name\": \"Ana López\", \"email\": \"Ana@X.com \"}"));
        long sameEmail = contactOf(dinner("2026-03-10T20:00", "{\"name\": \"Ana\", \"email\": \"ana@x.com\"}"));
        long withPhone = contactOf(stay(
                "2026-03-12",
                "2026-03-14",
                "{\"name\": \"Ana López\", \"email\": \"ANA@x.com\", \"phone\": \"+34 612 000 300\"}"));
        long byPhoneOnly = contactOf(massage("2026-03-11T10:00", "{\"name\": \"A. López\", \"phone\": \"612000300\"}"));
        long someoneElse =
                contactOf(massage("2026-03-11T11:00", "{\"name\": \"Bob\", \"phone\": \"+44 20 7946 0000\"}"));

        assertEquals(first, sameEmail);
        assertEquals(first, withPhone);
        assertEquals(first, byPhoneOnly, "612000300 at a Spanish venue is +34 612 000 300");
        assertNotEquals(first, someoneElse);
        JsonNode ana = desk.get("/api/staff/contacts/" + first).json();
        assertEquals("Ana López", ana.path("name").asText(), "the first name given is kept");
        assertEquals("ana@x.com", ana.path("email").asText());
        assertEquals("+34612000300", ana.path("phone").asText(), "the phone learned from a later booking");
        assertEquals("console", ana.path("source").asText());
        assertTrue(!ana.path("consent").asBoolean(), "a booking is not consent to be contacted");
        assertEquals(2, server.dsl().fetchCount(CONTACT));
    }

    @Test
    void theDeskFindsAContactByNameEmailOrAnySpellingOfThePhone() {
        long ana = contactOf(massage(
                "2026-03-10T10:00",
                "{\"name\": \"Ana López\", \"email\": \"ana@x.com\", \"phone\": \"+34 612 000 300\"}"));
        contactOf(massage("2026-03-10T11:00", "{\"name\": \"Bob Smith\", \"email\": \"bob@y.org\"}"));

        for (String q : List.of("lópez", "ANA@X", "612 000 300", "+34612000300", "612-000-300")) {
            JsonNode found = search(q);
            assertEquals(1, found.size(), q);
            assertEquals(ana, found.at("/0/id").asLong(), q);
        }
        assertEquals(2, search("").size());
        assertEquals(0, search("nobody").size());
        assertEquals(404, desk.get("/api/staff/contacts/999999").status());
        assertEquals(404, desk.get("/api/staff/contacts/abc").status());
        assertEquals(401, server.http().get("/api/staff/contacts").status());
    }

    @Test
    void aPhoneThatIsNoPhoneNumberIsRefusedAndChangesNothing() {
        Response refused = desk.postJson(
                "/api/staff/bookings", massage("2026-03-10T10:00", "{\"name\": \"Ana\", \"phone\": \"000000\"}"));

        assertEquals(400, refused.status(), refused.body());
        assertEquals(
                "is not a phone number",
                refused.json().at("/error/fields/contact.phone").asText());
        assertEquals(0, server.dsl().fetchCount(CONTACT));
        assertEquals(0, server.dsl().fetchCount(BOOKING));
    }

    @Test
    void changingABookingsContactLinksItToThatPerson() {
        JsonNode booking = desk.postJson(
                        "/api/staff/bookings",
                        massage("2026-03-10T10:00", "{\"name\": \"Ana\", \"email\": \"ana@x.com\"}"))
                .json();
        long bob = contactOf(massage("2026-03-10T11:00", "{\"name\": \"Bob\", \"email\": \"bob@y.org\"}"));

        Response changed = desk.send(
                "PATCH",
                "/api/staff/bookings/" + booking.path("id").asLong(),
                "application/json",
                "{\"contact\": {\"name\": \"Bob\", \"email\": \" BOB@y.org\"}}");

        assertEquals(200, changed.status(), changed.body());
        assertEquals(bob, changed.json().path("contactId").asLong());
    }

    @Test
    void aNewGuestBookingSeveralThingsAtOnceBecomesOneContact() throws Exception {
        String ana = "{\"name\": \"Ana\", \"email\": \"ana@race.example\"}";
        List<String> bodies = new ArrayList<>();
        for (int day = 10; day <= 13; day++) {
            bodies.add(massage("2026-03-" + day + "T10:00", ana));
            bodies.add(dinner("2026-03-" + day + "T20:00", ana));
        }
        bodies.add(stay("2026-03-10", "2026-03-11", ana));
        bodies.add(stay("2026-03-12", "2026-03-13", ana));
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (String body : bodies) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return desk.postJson("/api/staff/bookings", body);
                }));
            }
            go.countDown();
            Set<Long> contacts = new java.util.HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertEquals(201, response.status(), response.body());
                contacts.add(response.json().path("contactId").asLong());
            }
            assertEquals(
                    1, contacts.size(), contacts.stream().map(String::valueOf).collect(Collectors.joining(",")));
            assertEquals(1, server.dsl().fetchCount(CONTACT));
        } finally {
            pool.shutdownNow();
        }
    }
}
