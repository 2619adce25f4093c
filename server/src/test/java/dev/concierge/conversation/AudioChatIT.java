package dev.concierge.conversation;

import static dev.concierge.jooq.Tables.MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.FakeOpenAi;
import dev.concierge.testing.OpenAiContract;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Voice messages: {@code POST /api/chat/audio} transcribed by an OpenAI-compatible service checked against the
 * official description, then answered as a typed message; 503 without a speech service, never a silent drop.
 */
class AudioChatIT {
    private static final String BOUNDARY = "----concierge-test-7f3a";
    private static OpenAiContract contract;

    @TempDir
    Path dataDir;

    private FakeOpenAi openAi;
    private TestServer server;
    private RawHttp website;

    @BeforeAll
    static void loadTheDescription() {
        contract = OpenAiContract.fromSystemProperty();
    }

    private void start(boolean speech) {
        Map<String, String> env = new LinkedHashMap<>();
        if (speech) {
            openAi = FakeOpenAi.start(contract);
            env.put("OPENAI_API_KEY", "sk-test-audio");
            env.put("OPENAI_BASE_URL", openAi.baseUrl());
        }
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withFrozenNow(LocalDateTime.of(2026, 3, 10, 12, 0))
                .withEnvironment(env));
        String key = server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Website", List.of()))
                .key();
        website = server.http().with("X-Concierge-Key", key);
    }

    @AfterEach
    void stop() {
        server.close();
        if (openAi != null) {
            openAi.close();
            assertEquals(List.of(), openAi.problems(), "every request follows the official description");
        }
    }

    /** A multipart form as a browser's FormData sends it: the fields, then the recording. */
    private Response send(Map<String, String> fields, String fileName, String audio) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--")
                .append(BOUNDARY)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        if (fileName != null) {
            body.append("--")
                    .append(BOUNDARY)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"file\"; filename=\"")
                    .append(fileName)
                    .append("\"\r\nContent-Type: audio/webm\r\n\r\n")
                    .append(audio)
                    .append("\r\n");
        }
        body.append("--").append(BOUNDARY).append("--\r\n");
        return website.send("POST", "/api/chat/audio", "multipart/form-data; boundary=" + BOUNDARY, body.toString());
    }

    @Test
    void aVoiceMessageIsTranscribedAndAnsweredLikeATypedOne() {
        start(true);
        openAi.hears("What time is check-out?").says("Check-out is at 11:00.");

        Response answer = send(Map.of("channel", "web", "language", "en"), "Recording 1.webm", "OggS-fake-audio");

        assertEquals(200, answer.status(), answer.body());
        JsonNode reply = answer.json();
        assertEquals("What time is check-out?", reply.get("transcript").asText());
        assertTrue(reply.get("reply").asText().contains("11:00"), reply.toString());
        String conversationId = reply.get("conversationId").asText();
        JsonNode transcript = website.get("/api/chat/" + conversationId).json();
        assertTrue(transcript.toString().contains("What time is check-out?"), "the guest's words are the message");

        FakeOpenAi.Recorded transcription = openAi.requests().get(0);
        assertEquals(FakeOpenAi.TRANSCRIPTIONS, transcription.path());
        assertTrue(transcription.body().contains("whisper-1"));
        assertTrue(transcription.body().contains("filename=\"message.webm\""), "the guest's file name stays here");
    }

    @Test
    void withoutASpeechServiceAVoiceMessageIsRefusedWith503() {
        start(false);
        Response answer = send(Map.of("channel", "web"), "a.webm", "OggS");
        assertEquals(503, answer.status(), answer.body());
        assertEquals("speech_unavailable", answer.errorCode());
    }

    @Test
    void badVoiceMessagesAreRefusedBeforeTheServiceIsAskedAndStoreNothing() {
        start(true);
        assertEquals(400, send(Map.of("channel", "web"), null, null).status(), "no recording");
        assertEquals(400, send(Map.of("channel", "fax"), "a.webm", "OggS").status(), "bad channel");
        assertEquals(
                400,
                send(Map.of("channel", "web", "language", "fr"), "a.webm", "OggS")
                        .status());
        Response json = website.postJson("/api/chat/audio", "{\"channel\": \"web\"}");
        assertEquals(415, json.status(), "not multipart");
        assertTrue(json.body().contains("multipart/form-data"), json.body());
        assertEquals(List.of(), openAi.requests(), "the speech service was never asked");

        openAi.fails(500);
        Response failed = send(Map.of("channel", "web"), "a.webm", "OggS");
        assertEquals(502, failed.status(), failed.body());
        assertEquals("speech_failed", failed.errorCode());
        openAi.hears("   ");
        assertEquals(
                "nothing_heard",
                send(Map.of("channel", "web"), "a.webm", "OggS").errorCode());
        assertEquals(0, server.dsl().fetchCount(MESSAGE), "nothing stored from a refused voice message");
    }
}
