package dev.concierge.assistant.openai;

import static dev.concierge.jooq.Tables.BOOKING;
import static dev.concierge.jooq.Tables.CONVERSATION;
import static dev.concierge.jooq.Tables.MESSAGE;
import static dev.concierge.jooq.Tables.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.FakeOpenAi;
import dev.concierge.testing.OpenAiContract;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The OpenAI engine over HTTP, against a fake OpenAI server on loopback that checks every request against the
 * official description: at the demo hotel on Tuesday 10 March 2026 at noon, the model's tool calls fill what the local
 * engine reads back and commits only after the guest's yes, and whatever goes wrong with the service, the guest gets
 * the local engine's answer.
 */
class OpenAiAssistantIT {
    private static final String KEY = "sk-test-4f1c9a7e2b";
    private static final String PARKING = "underground car park with 20 spaces";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Loading the description takes about 2 s: once for the class. */
    private static OpenAiContract contract;

    @TempDir
    Path dataDir;

    private FakeOpenAi openAi;
    private TestServer server;
    private RawHttp website;
    private String conversationId;

    @BeforeAll
    static void loadTheDescription() {
        contract = OpenAiContract.fromSystemProperty();
    }

    @BeforeEach
    void start() {
        openAi = FakeOpenAi.start(contract);
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withFrozenNow(LocalDateTime.of(2026, 3, 10, 12, 0))
                .withEnvironment(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", openAi.baseUrl())));
        String key = server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Website", List.of()))
                .key();
        website = server.http().with("X-Concierge-Key", key);
    }

    @AfterEach
    void stop() {
        server.close();
        openAi.close();
        assertEquals(List.of(), openAi.problems(), "every request and answer follows the official description");
    }

    private JsonNode say(String message) {
        ObjectNode request = JSON.createObjectNode().put("message", message).put("channel", "web");
        if (conversationId != null) {
            request.put("conversationId", conversationId);
        }
        Response response = website.postJson("/api/chat", request.toString());
        assertEquals(200, response.status(), response.body());
        JsonNode reply = response.json();
        conversationId = reply.path("conversationId").asText();
        return reply;
    }

    private static String massageTomorrowAtTen(String service, String date) {
        return JSON.createObjectNode()
                .put("service", service)
                .put("date", date)
                .put("time", "10:00")
                .putNull("party")
                .put("name", "Ana López")
                .put("email", "ana@example.com")
                .putNull("phone")
                .toString();
    }

    /** The tool results the product sent back to the model in request {@code index} (from 0). */
    private List<JsonNode> toolResults(int index) {
        List<JsonNode> results = new ArrayList<>();
        for (JsonNode message : openAi.requests().get(index).json().path("messages")) {
            if ("tool".equals(message.path("role").asText())) {
                results.add(parse(message.path("content").asText()));
            }
        }
        return results;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(json, e);
        }
    }

    @Test
    void aBookServiceCallIsReadBackByTheLocalEngineAndBooksNothing() {
        openAi.callsTool("book_service", massageTomorrowAtTen("massage-60", "2026-03-11"));

        JsonNode summary = say("I'd like a massage tomorrow at 10, I'm Ana López, ana@example.com");

        assertTrue(summary.path("reply").asText().contains("Wednesday 11 March at 10:00"), summary.toString());
        assertTrue(summary.path("reply").asText().contains("Ana López"), summary.toString());
        assertEquals(List.of("Yes", "No"), quickReplies(summary));
        assertEquals(0, server.dsl().fetchCount(BOOKING), "a tool call books nothing");
        assertEquals(1, openAi.requests().size());
    }

    @Test
    void theGuestsYesBooksExactlyOnceAndNeverGoesToTheModel() {
        openAi.callsTool("book_service", massageTomorrowAtTen("massage-60", "2026-03-11"))
                .says("You're welcome, enjoy your massage!");
        say("I'd like a massage tomorrow at 10, I'm Ana López, ana@example.com");

        JsonNode booked = say("yes");

        assertEquals("massage-60", booked.at("/booking/serviceId").asText(), booked.toString());
        assertTrue(booked.path("reply")
                .asText()
                .contains(booked.at("/booking/reference").asText()));
        assertEquals(1, openAi.requests().size(), "the yes is the local engine's to answer");
        say("yes, thanks");
        assertEquals(1, server.dsl().fetchCount(BOOKING), "a second yes books nothing more");
        assertEquals(
                "Ana López",
                server.dsl().select(BOOKING.CONTACT_NAME).from(BOOKING).fetchSingle(BOOKING.CONTACT_NAME));
    }

    @Test
    void anOrderCallIsReadBackAndTheYesOrdersOnce() {
        openAi.callsTool(
                "order_from_menu",
                "{\"items\": [{\"item\": \"club-sandwich\", \"quantity\": 2}], \"room\": \"12\","
                        + " \"table\": null, \"payment\": \"desk\", \"name\": null, \"email\": null,"
                        + " \"phone\": null}");

        JsonNode summary = say("Two club sandwiches to room 12 please, I'll pay on delivery");

        assertTrue(summary.path("reply").asText().contains("2 × Club sandwich"), summary.toString());
        assertEquals(0, server.dsl().fetchCount(ORDERS), "a tool call orders nothing");
        JsonNode ordered = say("yes");
        assertEquals(2, ordered.at("/order/items/0/quantity").asInt(), ordered.toString());
        assertEquals("12", ordered.at("/order/roomNumber").asText());
        assertEquals(1, server.dsl().fetchCount(ORDERS));
    }

    @Test
    void aKnowledgeSearchRoundAnswersFromTheVenuesOwnEntry() {
        openAi.callsTool("search_knowledge", "{\"question\": \"Is there parking?\"}")
                .says("Yes: an underground car park, 20 spaces, €22 a day.");

        JsonNode answer = say("Is there parking?");

        assertEquals(
                "Yes: an underground car park, 20 spaces, €22 a day.",
                answer.path("reply").asText());
        JsonNode result = toolResults(1).get(0);
        assertTrue(result.path("found").asBoolean(), result.toString());
        assertTrue(result.path("answer").asText().contains(PARKING), result.toString());
        assertEquals(
                "parking",
                server.dsl()
                        .select(MESSAGE.KNOWLEDGE_ENTRY_ID)
                        .from(MESSAGE)
                        .where(MESSAGE.ROLE.eq("guest"))
                        .fetchSingle(MESSAGE.KNOWLEDGE_ENTRY_ID),
                "the reports count the question as answered from the parking entry");
    }

    @Test
    void anUnknownServiceOrAMalformedDateIsAToolErrorTheModelSeesAndNothingIsCommitted() {
        openAi.callsTool("book_service", massageTomorrowAtTen("hot-stone-massage", "2026-03-11"))
                .callsTool("book_service", massageTomorrowAtTen("massage-60", "tomorrow"))
                .says("Sorry, which treatment and which day would you like?")
                .says("Which treatment would you like?");

        JsonNode reply = say("A hot stone massage tomorrow at 10, I'm Ana López, ana@example.com");

        assertEquals(
                "Sorry, which treatment and which day would you like?",
                reply.path("reply").asText());
        assertTrue(
                toolResults(1).get(0).path("error").asText().contains("hot-stone-massage"),
                toolResults(1).toString());
        assertTrue(
                toolResults(2).get(1).path("error").asText().contains("YYYY-MM-DD"),
                toolResults(2).toString());
        assertEquals(0, server.dsl().fetchCount(BOOKING));
        assertNull(
                server.dsl().select(CONVERSATION.TASK).from(CONVERSATION).fetchSingle(CONVERSATION.TASK),
                "no task was started from arguments the domain would not take");
        say("yes");
        assertEquals(0, server.dsl().fetchCount(BOOKING), "and a yes has nothing to confirm");
        assertEquals(4, openAi.requests().size(), "without a summary awaiting it, the yes went to the model");
    }

    @Test
    void aServerErrorFallsBackToTheLocalEnginesAnswer() {
        openAi.fails(500);

        JsonNode answer = say("Is there parking?");

        assertTrue(answer.path("reply").asText().contains(PARKING), answer.toString());
        assertEquals(1, openAi.requests().size(), "no retries: the guest waits for each one");
    }

    @Test
    void aTimeoutFallsBackToTheLocalEnginesAnswerWithinTheTimeout() {
        openAi.stalls(Duration.ofMinutes(1), "Too late");
        long started = System.nanoTime();

        JsonNode answer = say("Is there parking?");

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(answer.path("reply").asText().contains(PARKING), answer.toString());
        // the timeout plus the first request's warm-up, with room for a busy machine; far from the stall's minute
        assertTrue(
                waited.compareTo(OpenAiSettings.DEFAULT_TIMEOUT.multipliedBy(4)) < 0,
                "the guest waited " + waited + ", not the service's minute");
    }

    @Test
    void garbageFromTheServiceFallsBackToTheLocalEnginesAnswer() {
        openAi.answersGarbage();

        JsonNode answer = say("Is there parking?");

        assertTrue(answer.path("reply").asText().contains(PARKING), answer.toString());
    }

    @Test
    void aFifthToolRoundIsNeverRequestedAndTheLocalEngineAnswers() {
        String check = "{\"service\": \"massage-60\", \"date\": \"2026-03-11\", \"party\": null}";
        for (int i = 0; i < 6; i++) {
            openAi.callsTool("check_availability", check);
        }

        JsonNode answer = say("Is there parking?");

        assertEquals(4, openAi.requests().size());
        assertTrue(answer.path("reply").asText().contains(PARKING), answer.toString());
        JsonNode free = toolResults(1).get(0).path("freeStartTimes");
        assertTrue(free.size() > 0 && free.get(0).asText().matches("\\d\\d:\\d\\d"), free.toString());
    }

    @Test
    void aHandOffCallHandsTheConversationToAPersonForTheGuestsRequest() {
        openAi.callsTool("hand_off", "{\"reason\": \"wants to speak to someone\"}");

        JsonNode handed = say("Can I talk to somebody at the front desk please");

        assertTrue(handed.path("handoff").asBoolean(), handed.toString());
        assertTrue(handed.path("reply").asText().contains("member of our team"), handed.toString());
        assertEquals(
                "request",
                server.dsl()
                        .select(CONVERSATION.HANDOFF_REASON)
                        .from(CONVERSATION)
                        .fetchSingle(CONVERSATION.HANDOFF_REASON));
    }

    @Test
    void everyRequestCarriesTheVenuesClockTheToolsAndTheRecentLinesAndFollowsTheDescription() {
        openAi.says("Hello! How can I help?")
                .callsTool("check_rooms", "{\"checkIn\": \"2026-03-20\", \"checkOut\": \"2026-03-22\", \"guests\": 2}")
                .says("A double is free: 120.00 EUR a night.");
        say("Hello");

        say("Do you have a room for two from 20 to 22 March?");

        List<FakeOpenAi.Recorded> requests = openAi.requests();
        assertEquals(3, requests.size());
        JsonNode last = requests.get(2).json();
        assertEquals(OpenAiSettings.DEFAULT_MODEL, last.path("model").asText());
        assertFalse(last.path("parallel_tool_calls").asBoolean(true));
        assertEquals(10, last.path("tools").size());
        JsonNode messages = last.path("messages");
        String system = messages.get(0).path("content").asText();
        assertTrue(system.contains("Hotel Miramar") && system.contains("Tuesday 2026-03-10, 12:00"), system);
        assertTrue(system.contains("Europe/Madrid") && system.contains("English"), system);
        assertTrue(system.contains("Never invent prices"), system);
        List<String> roles = StreamSupport.stream(messages.spliterator(), false)
                .map(m -> m.path("role").asText())
                .toList();
        assertEquals(List.of("system", "user", "assistant", "user", "assistant", "tool"), roles);
        assertEquals("Hello! How can I help?", messages.get(2).path("content").asText());
        assertTrue(
                toolResults(2).get(0).path("rooms").size() > 0, toolResults(2).toString());
        // the check is not vacuous: the description refuses a request it does not describe
        assertFalse(contract.requestProblems(
                        "/chat/completions",
                        Map.of("Content-Type", List.of("application/json")),
                        "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"robot\", \"content\": 1}]}")
                .isEmpty());
    }

    @Test
    void theKeyIsSentAsBearerAndNeverLoggedNorShown() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        List<Logger> watched = List.of(logger("dev.concierge"), logger("com.openai"), logger("okhttp3"));
        watched.forEach(l -> {
            l.addAppender(logs);
            l.setLevel(Level.DEBUG);
        });
        try {
            openAi.callsTool("search_knowledge", "{\"question\": \"parking\"}").fails(503);
            say("Is there parking? Write to ana@example.com");
        } finally {
            watched.forEach(l -> {
                l.detachAppender(logs);
                l.setLevel(null);
            });
        }

        for (FakeOpenAi.Recorded request : openAi.requests()) {
            assertEquals("Bearer " + KEY, request.header("Authorization"));
        }
        List<String> lines = logs.list.stream()
                .map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                                ? ""
                                : e.getThrowableProxy().getMessage()))
                .toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("HTTP 503")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains(KEY)), "the key is never logged: " + lines);
        assertTrue(
                lines.stream().noneMatch(l -> l.contains("ana@example.com") || l.contains("parking")),
                lines.toString());
        Response health = server.http().get("/api/health");
        assertEquals("configured", health.json().at("/integrations/openai").asText(), health.body());
        assertEquals("openai", health.json().at("/integrations/assistant").asText());
        assertFalse(health.body().contains(KEY));
    }

    @Test
    void aSpanishGuestGetsTheLocalReadBackInSpanish() {
        openAi.callsTool("book_service", massageTomorrowAtTen("massage-60", "2026-03-11"));

        JsonNode summary = say("Quiero un masaje mañana a las 10, soy Ana López, ana@example.com");

        assertEquals("es", summary.path("language").asText());
        assertTrue(summary.path("reply").asText().startsWith("¿Reservo"), summary.toString());
        assertTrue(openAi.requests()
                .get(0)
                .json()
                .at("/messages/0/content")
                .asText()
                .contains("Spanish"));
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }

    private static List<String> quickReplies(JsonNode reply) {
        return StreamSupport.stream(reply.path("quickReplies").spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
