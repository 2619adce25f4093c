package dev.concierge.assistant;

import static dev.concierge.jooq.Tables.BOOKING;
import static dev.concierge.jooq.Tables.CONVERSATION;
import static dev.concierge.jooq.Tables.ORDERS;
import static dev.concierge.jooq.Tables.OUTBOX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise, over HTTP with no network and no key: at the demo hotel on Tuesday 10 March 2026 at noon a
 * guest books a massage, orders two club sandwiches to room 12, asks about parking in Spanish and asks for a
 * person — and each lands in the database exactly once.
 */
class AssistantIT {
    @TempDir
    Path dataDir;

    private TestServer server;
    private RawHttp website;
    private String key;
    private String conversationId;

    @BeforeEach
    void start() {
        startServer();
        key = server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Website", List.of()))
                .key();
        website = server.http().with("X-Concierge-Key", key);
    }

    private void startServer() {
        server = TestServer.start(
                ServerSettings.defaults(dataDir).withDemo(true).withFrozenNow(LocalDateTime.of(2026, 3, 10, 12, 0)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode say(String message) {
        String id = conversationId == null ? "" : "\"conversationId\": \"" + conversationId + "\", ";
        Response response =
                website.postJson("/api/chat", "{" + id + "\"message\": \"" + message + "\", \"channel\": \"web\"}");
        assertEquals(200, response.status(), response.body());
        JsonNode reply = response.json();
        conversationId = reply.path("conversationId").asText();
        return reply;
    }

    @Test
    void aGuestBooksAMassageStepByStepAndOnlyTheYesBooks() {
        JsonNode hello = say("Hi");
        assertTrue(hello.path("reply").asText().contains("Hotel Miramar"), hello.toString());

        JsonNode askName = say("I'd like to book a massage tomorrow at 10am");
        assertTrue(askName.path("reply").asText().contains("name"), askName.toString());
        JsonNode askContact = say("I'm Ana López");
        assertTrue(askContact.path("reply").asText().contains("phone"), askContact.toString());
        JsonNode summary = say("ana@example.com");
        assertTrue(summary.path("reply").asText().contains("Wednesday 11 March at 10:00"), summary.toString());
        assertEquals(0, server.dsl().fetchCount(BOOKING), "nothing is booked before the yes");

        JsonNode booked = say("yes");

        assertEquals("massage-60", booked.at("/booking/serviceId").asText(), booked.toString());
        assertEquals("web", booked.at("/booking/source").asText());
        assertTrue(booked.path("reply")
                .asText()
                .contains(booked.at("/booking/reference").asText()));
        say("yes");
        assertEquals(1, server.dsl().fetchCount(BOOKING), "a second yes books nothing more");
        assertEquals(
                "Ana López",
                server.dsl().select(BOOKING.CONTACT_NAME).from(BOOKING).fetchSingle(BOOKING.CONTACT_NAME));
        assertEquals(
                booked.at("/booking/contactId").asLong(),
                server.dsl().select(CONVERSATION.CONTACT_ID).from(CONVERSATION).fetchSingle(CONVERSATION.CONTACT_ID),
                "the conversation belongs to the guest's contact now");
    }

    @Test
    void aNoChangesNothingAndACorrectionIsReadBack() {
        say("Book a massage tomorrow at 10am, I'm Ana López, ana@example.com");
        JsonNode corrected = say("no, better at 11");
        assertTrue(corrected.path("reply").asText().contains("11:00"), corrected.toString());

        JsonNode declined = say("no");

        assertFalse(declined.has("booking") && !declined.path("booking").isNull());
        assertEquals(0, server.dsl().fetchCount(BOOKING));
    }

    @Test
    void aGuestOrdersTwoClubSandwichesToRoom12() {
        JsonNode askPayment = say("Can I order two club sandwiches to room 12?");
        assertEquals(3, askPayment.path("quickReplies").size(), askPayment.toString());
        JsonNode summary = say("Pay on delivery");
        assertTrue(summary.path("reply").asText().contains("2 × Club sandwich"), summary.toString());

        JsonNode ordered = say("yes please");

        assertEquals(2, ordered.at("/order/items/0/quantity").asInt(), ordered.toString());
        assertEquals("12", ordered.at("/order/roomNumber").asText());
        assertEquals("desk", ordered.at("/order/payment/method").asText());
        say("yes");
        assertEquals(1, server.dsl().fetchCount(ORDERS));
    }

    @Test
    void atTheKioskACardIsPaidAtItsCardReader() {
        String code = server.http()
                .bearer(server.tokenFor("manager"))
                .postJson("/api/staff/kiosks", "{\"name\": \"Lobby\"}")
                .json()
                .get("code")
                .asText();
        RawHttp kiosk = server.http()
                .bearer(server.http()
                        .postJson("/api/kiosk/pair", "{\"code\": \"" + code + "\"}")
                        .json()
                        .get("token")
                        .asText());
        JsonNode summary = kiosk.postJson(
                        "/api/chat",
                        "{\"message\": \"a caesar salad and a coke to room 214, by card\", \"channel\": \"kiosk\"}")
                .json();
        assertTrue(summary.path("reply").asText().contains("at the card reader"), summary.toString());

        JsonNode ordered = kiosk.postJson(
                        "/api/chat",
                        "{\"conversationId\": \""
                                + summary.path("conversationId").asText()
                                + "\", \"message\": \"yes\", \"channel\": \"kiosk\"}")
                .json();

        assertEquals("terminal", ordered.at("/order/payment/method").asText(), ordered.toString());
        assertEquals("unpaid", ordered.at("/order/payment/status").asText());
    }

    @Test
    void aGuestAsksAboutParkingInSpanish() {
        JsonNode answer = say("¿Tienen parking?");

        assertEquals("es", answer.path("language").asText());
        assertTrue(answer.path("reply").asText().contains("aparcamiento subterráneo"), answer.toString());
    }

    @Test
    void aGuestAsksForAPersonAndTheAssistantFallsSilent() {
        JsonNode handed = say("I want to talk to a person");

        assertTrue(handed.path("handoff").asBoolean());
        assertEquals(
                "handoff",
                server.dsl().select(CONVERSATION.STATUS).from(CONVERSATION).fetchSingle(CONVERSATION.STATUS));
        assertTrue(server.dsl().fetchExists(OUTBOX, OUTBOX.EVENT_TYPE.eq("conversation.handoff")));
        JsonNode quiet = say("hello?");
        assertEquals("", quiet.path("reply").asText());
        assertTrue(quiet.path("handoff").asBoolean());
        JsonNode transcript = website.get("/api/chat/" + conversationId).json();
        assertEquals(3, transcript.path("messages").size(), "the assistant said nothing more: " + transcript);
        assertEquals("hello?", transcript.at("/messages/2/text").asText());
    }

    @Test
    void theInboxShowsWhatAGuestHandedOverMidBookingWantedAndHadFilledIn() {
        say("I'd like a massage tomorrow at 11 for 2 people");
        say("I want to talk to a person");
        RawHttp desk = server.http().bearer(server.tokenFor("front_desk"));

        JsonNode waiting =
                desk.get("/api/staff/conversations?status=handoff").json().get(0);

        assertEquals("request", waiting.get("handoffReason").asText(), waiting.toString());
        assertEquals("book_service", waiting.get("task").asText(), waiting.toString());
        JsonNode slots = waiting.get("slots");
        assertEquals("massage-60", slots.get("service").asText(), waiting.toString());
        assertEquals("11:00", slots.get("time").asText());
        assertEquals("2", slots.get("party").asText());
        assertTrue(slots.path("key").isMissingNode(), "the dialogue's own request key stays inside");
    }

    @Test
    void staffAnswerFromTheInboxAndGiveTheGuestBackToTheAssistant() {
        say("I want to talk to a person");
        RawHttp desk = server.http().bearer(server.tokenFor("front_desk"));

        JsonNode inbox = desk.get("/api/staff/conversations?status=handoff").json();
        assertEquals(1, inbox.size(), inbox.toString());
        assertEquals(conversationId, inbox.at("/0/id").asText());
        Response answered = desk.postJson(
                "/api/staff/conversations/" + conversationId + "/messages",
                "{\"text\": \"Hi, this is Marta at the desk.\"}");
        assertEquals(200, answered.status(), answered.body());
        JsonNode seen = website.get("/api/chat/" + conversationId).json();
        assertEquals("staff", seen.at("/messages/2/role").asText());
        assertEquals(
                "Hi, this is Marta at the desk.", seen.at("/messages/2/text").asText());
        assertEquals("", say("thanks Marta").path("reply").asText(), "the assistant stays quiet while staff answer");

        assertEquals(
                200,
                desk.send("POST", "/api/staff/conversations/" + conversationId + "/release", null, null)
                        .status());

        JsonNode back = say("Is there parking?");
        assertFalse(back.path("handoff").asBoolean());
        assertTrue(back.path("reply").asText().contains("car park"), back.toString());
        assertEquals(
                0, desk.get("/api/staff/conversations?status=handoff").json().size());
        assertEquals(
                400,
                desk.postJson("/api/staff/conversations/" + conversationId + "/messages", "{}")
                        .status());
        assertEquals(
                404,
                desk.postJson("/api/staff/conversations/nope/messages", "{\"text\": \"hi\"}")
                        .status());
        assertEquals(401, server.http().get("/api/staff/conversations").status());
    }

    @Test
    void twoMessagesNotUnderstoodInARowBringAPerson() {
        assertFalse(say("blorp").path("handoff").asBoolean());
        assertTrue(say("zzkx qwv").path("handoff").asBoolean());
    }

    @Test
    void aRestartMidBookingLosesNothing() {
        say("I'd like to book a massage tomorrow at 10am");
        server.close();
        startServer();
        website = server.http().with("X-Concierge-Key", key);

        say("I'm Ana López");
        say("+34 612 345 678");
        JsonNode booked = say("yes");

        assertEquals("+34612345678", booked.at("/booking/contact/phone").asText(), booked.toString());
        assertEquals(1, server.dsl().fetchCount(BOOKING));
    }

    @Test
    void badChatRequestsGetTheErrorContract() {
        assertEquals(
                400, website.postJson("/api/chat", "{\"channel\": \"web\"}").status());
        assertEquals(
                400,
                website.postJson("/api/chat", "{\"message\": \"hi\", \"channel\": \"fax\"}")
                        .status());
        assertEquals(
                400,
                website.postJson("/api/chat", "{\"message\": \"" + "a".repeat(2001) + "\", \"channel\": \"web\"}")
                        .status());
        assertEquals(
                401,
                server.http()
                        .postJson("/api/chat", "{\"message\": \"hi\", \"channel\": \"web\"}")
                        .status());
        assertEquals(404, website.get("/api/chat/nope").status());
    }
}
