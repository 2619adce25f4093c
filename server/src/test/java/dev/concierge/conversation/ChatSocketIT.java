package dev.concierge.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.JsonSocket;
import dev.concierge.testing.RawHttp;
import java.net.URLEncoder;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code WS /api/chat/live} on a real server: a guest's socket hears staff take over, answer and give the chat back,
 * and the desk's socket hears the guest; a socket needs a key and a live conversation. No sleeps: every wait is a
 * bounded poll on what the socket received.
 */
class ChatSocketIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private TestServer server;
    private String key;
    private RawHttp website;
    private RawHttp desk;

    @BeforeEach
    void start() {
        server = TestServer.start(
                ServerSettings.defaults(dataDir).withDemo(true).withFrozenNow(LocalDateTime.of(2026, 3, 10, 12, 0)));
        key = server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Website", List.of()))
                .key();
        website = server.http().with("X-Concierge-Key", key);
        desk = server.http().bearer(server.tokenFor("front_desk"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String chat(String message, String conversationId) {
        String id = conversationId.isEmpty() ? "" : "\"conversationId\": \"" + conversationId + "\", ";
        RawHttp.Response response =
                website.postJson("/api/chat", "{" + id + "\"message\": \"" + message + "\", \"channel\": \"web\"}");
        assertEquals(200, response.status(), response.body());
        return response.json().path("conversationId").asText();
    }

    /** A socket on the conversation; what it receives, one JSON event each, in order. */
    private JsonSocket follow(String conversationId, Map<String, String> headers, String query) {
        return open(
                "/api/chat/live?conversationId=" + URLEncoder.encode(conversationId, StandardCharsets.UTF_8) + query,
                headers);
    }

    private JsonSocket open(String pathAndQuery, Map<String, String> headers) {
        return JsonSocket.open(server.uri().getPort(), pathAndQuery, headers);
    }

    @Test
    void theDesksInboxHearsEveryHandoffAndTheGuestsLinesWithoutFollowingAConversation() throws Exception {
        JsonSocket inbox = open("/api/staff/live", Map.of("Authorization", "Bearer " + server.tokenFor("front_desk")));
        String first = chat("Hello", "");
        String second = chat("What time is check-out?", "");
        // the two guests' lines and replies reach the inbox too: it shows any conversation the desk opens
        for (int i = 0; i < 4; i++) {
            inbox.next();
        }

        chat("I want to talk to a person", second);
        assertEquals("guest", inbox.next().at("/line/role").asText());
        assertEquals("assistant", inbox.next().at("/line/role").asText());
        JsonNode handoff = inbox.next();
        assertEquals("status", handoff.path("type").asText(), handoff.toString());
        assertEquals("handoff", handoff.path("status").asText());
        assertEquals(second, handoff.path("conversationId").asText(), "the second guest, not the first " + first);

        chat("My room's shower is broken", second);
        JsonNode line = inbox.next();
        assertEquals(second, line.path("conversationId").asText());
        assertEquals("My room's shower is broken", line.at("/line/text").asText());
    }

    @Test
    void theInboxSocketIsForStaffOnly() {
        assertEquals(401, refusal(() -> open("/api/staff/live", Map.of())));
        assertEquals(403, refusal(() -> open("/api/staff/live", Map.of("X-Concierge-Key", key))));
        assertEquals(401, refusal(() -> open("/api/staff/live", Map.of("Authorization", "Bearer cst_forged"))));
    }

    @Test
    void theGuestHearsStaffTakeOverAnswerAndGiveTheChatBack() throws Exception {
        String id = chat("Hi, what time is check-out?", "");
        JsonSocket guest = follow(id, Map.of("X-Concierge-Key", key), "");

        desk.postJson("/api/staff/conversations/" + id + "/messages", "{\"text\": \"Hola, soy Marta.\"}");
        JsonNode staffLine = guest.next();
        JsonNode takenOver = guest.next();
        desk.postJson("/api/staff/conversations/" + id + "/release", "{}");
        JsonNode released = guest.next();

        assertEquals("message", staffLine.path("type").asText(), staffLine.toString());
        assertEquals(id, staffLine.path("conversationId").asText());
        assertEquals("staff", staffLine.at("/line/role").asText());
        assertEquals("Hola, soy Marta.", staffLine.at("/line/text").asText());
        assertEquals("2026-03-10T11:00:00Z", staffLine.at("/line/at").asText(), "times as ISO-8601");
        assertEquals("status", takenOver.path("type").asText(), takenOver.toString());
        assertEquals("handoff", takenOver.path("status").asText());
        assertEquals("open", released.path("status").asText(), released.toString());
    }

    @Test
    void theDeskHearsTheGuestWhileItHasTheConversation() throws Exception {
        String id = chat("I want to talk to a person", "");
        JsonSocket inbox = follow(id, Map.of("Authorization", "Bearer " + server.tokenFor("front_desk")), "");

        chat("My room's shower is broken", id);
        JsonNode line = inbox.next();

        assertEquals("guest", line.at("/line/role").asText(), line.toString());
        assertEquals("My room's shower is broken", line.at("/line/text").asText());
        assertNull(inbox.poll(Duration.ofMillis(300)), "the assistant stays quiet: nothing more is pushed");
    }

    @Test
    void aGuestAskingForAPersonIsToldOfTheHandoffAsItHappens() throws Exception {
        String id = chat("Hello", "");
        JsonSocket guest = follow(id, Map.of(), "&key=" + key);

        chat("I want to talk to a person", id);

        assertEquals("guest", guest.next().at("/line/role").asText());
        assertEquals("assistant", guest.next().at("/line/role").asText());
        assertEquals("handoff", guest.next().path("status").asText());
    }

    @Test
    void aSocketNeedsAKeyAndALiveConversation() {
        String id = chat("Hello", "");

        assertEquals(401, refusal(() -> follow(id, Map.of(), "")));
        assertEquals(401, refusal(() -> follow(id, Map.of(), "&key=not-a-key")));
        assertEquals(404, refusal(() -> follow("no-such-conversation", Map.of("X-Concierge-Key", key), "")));
        assertEquals(400, refusal(() -> follow("", Map.of("X-Concierge-Key", key), "")));
    }

    private static int refusal(Runnable connect) {
        CompletionException refused = assertThrows(CompletionException.class, connect::run);
        assertTrue(refused.getCause() instanceof WebSocketHandshakeException, refused.toString());
        return ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode();
    }
}
