package dev.concierge.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.venue.VenueService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Managers edit the knowledge base over HTTP and the assistant answers from the edit at once; the edits outlive a
 * restart that imports the venue file again; bad input changes nothing.
 */
class KnowledgeEditIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private TestServer server;
    private String[] managerLogin;
    private RawHttp manager;
    private RawHttp website;

    @BeforeEach
    void start() {
        server = TestServer.start(settings().withDemo(true));
        managerLogin = server.demoLogin("manager");
        connect();
    }

    private ServerSettings settings() {
        return ServerSettings.defaults(dataDir).withFrozenNow(LocalDateTime.of(2026, 3, 10, 12, 0));
    }

    private void connect() {
        String token = server.client().login(managerLogin[0], managerLogin[1]).token();
        manager = server.http().bearer(token);
        String key = server.client()
                .withStaffToken(token)
                .createPublicKey(new PublicKeyRequest("Website", List.of()))
                .key();
        website = server.http().with("X-Concierge-Key", key);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String ask(String question) {
        RawHttp.Response response = website.postJson(
                "/api/chat", "{\"message\": " + JSON.valueToTree(question) + ", \"channel\": \"web\"}");
        assertEquals(200, response.status(), response.body());
        return response.json().path("reply").asText();
    }

    private JsonNode knowledge() {
        RawHttp.Response response = manager.get("/api/staff/knowledge");
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private RawHttp.Response put(JsonNode body) {
        return manager.send("PUT", "/api/staff/knowledge", "application/json", body.toString());
    }

    private static ObjectNode entry(JsonNode base, String id) {
        for (JsonNode entry : base.path("entries")) {
            if (entry.path("id").asText().equals(id)) {
                return (ObjectNode) entry;
            }
        }
        throw new AssertionError("no entry " + id + " in " + base);
    }

    private static ObjectNode newEntry(String question, String answer) {
        ObjectNode entry = JSON.createObjectNode();
        entry.putObject("question").put("en", question);
        entry.putObject("answer").put("en", answer);
        return entry;
    }

    @Test
    void theDeskReadsTheVenueFilesEntriesButOnlyManagersChangeThem() {
        RawHttp desk = server.http().bearer(server.tokenFor("front_desk"));

        RawHttp.Response read = desk.get("/api/staff/knowledge");
        RawHttp.Response write = desk.send(
                "PUT", "/api/staff/knowledge", "application/json", knowledge().toString());

        assertEquals(200, read.status(), read.body());
        JsonNode parking = entry(read.json(), "parking");
        assertEquals("venue", parking.path("source").asText());
        assertTrue(parking.at("/answer/es").asText().contains("22 €"), parking.toString());
        assertEquals(403, write.status(), write.body());
    }

    @Test
    void theAssistantAnswersFromANewOrChangedEntryAtOnceAndNotFromARemovedOne() {
        assertTrue(ask("What time is check-out?").contains("11:00"));
        JsonNode base = knowledge();
        ArrayNode entries = (ArrayNode) base.path("entries");
        entries.add(newEntry("Can I land my helicopter on the roof?", "Yes: our helipad takes one helicopter."));
        ((ObjectNode) entry(base, "parking").path("answer"))
                .put("en", "Yes, 20 underground spaces at 25 € a day.")
                .put("es", "Sí, 20 plazas subterráneas a 25 € al día.");
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).path("id").asText().equals("checkout-time")) {
                entries.remove(i);
            }
        }

        RawHttp.Response saved = put(base);

        assertEquals(200, saved.status(), saved.body());
        assertEquals("Yes: our helipad takes one helicopter.", ask("Can I land my helicopter on the roof?"));
        assertTrue(ask("Is there parking?").contains("25 €"));
        assertTrue(ask("¿Hay aparcamiento?").contains("25 €"));
        assertFalse(ask("What time is check-out?").contains("Check-out is at 11:00"));
        JsonNode after = knowledge();
        assertEquals("staff", entry(after, "parking").path("source").asText());
        assertEquals("venue", entry(after, "breakfast-hours").path("source").asText(), "an entry left as it was stays");
        assertEquals(base.path("entries").size(), after.path("entries").size());
        JsonNode helipad = after.path("entries").get(after.path("entries").size() - 1);
        assertTrue(helipad.path("id").asText().startsWith("entry-"), helipad.toString());
        assertEquals("staff", helipad.path("source").asText());
    }

    @Test
    void anEnglishQuestionInOtherWordsIsAnsweredByMeaningAndANewEntryToo() {
        assertTrue(ask("Is there somewhere to work out?").contains("gym"));
        JsonNode base = knowledge();
        ((ArrayNode) base.path("entries"))
                .add(newEntry("Do you rent bicycles?", "Yes, city bikes at 15 € a day from reception."));
        assertEquals(200, put(base).status());

        assertEquals("Yes, city bikes at 15 € a day from reception.", ask("Can I hire a bike?"));
    }

    @Test
    void theStaffsEditsOutliveARestartThatImportsTheVenueFileAgain() throws IOException {
        JsonNode base = knowledge();
        ((ObjectNode) entry(base, "parking").path("answer")).put("en", "Parking is now free for guests.");
        ArrayNode entries = (ArrayNode) base.path("entries");
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).path("id").asText().equals("checkout-time")) {
                entries.remove(i);
            }
        }
        assertEquals(200, put(base).status());
        int count = knowledge().path("entries").size();
        Path venueFile = dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml");
        try (InputStream demo = VenueService.class.getResourceAsStream(VenueService.DEMO_VENUE_RESOURCE)) {
            Files.write(venueFile, demo.readAllBytes());
        }
        server.close();

        server = TestServer.start(settings().withVenueFile(venueFile));
        connect();

        JsonNode after = knowledge();
        assertEquals(count, after.path("entries").size(), "the removed entry stays removed");
        assertEquals(
                "Parking is now free for guests.",
                entry(after, "parking").at("/answer/en").asText());
        assertEquals("Parking is now free for guests.", ask("Is there parking?"));
        Files.delete(venueFile);
    }

    @Test
    void theSecondSaveOfAStaleCopyIsRefusedWith409AndChangesNothing() {
        // two desks open the same list; the clock is frozen, so only a version that moves on tells the saves apart
        JsonNode first = knowledge();
        JsonNode second = knowledge();
        entry(first, "parking").with("answer").put("en", "Parking is free for guests.");
        RawHttp.Response saved = put(first);
        assertEquals(200, saved.status(), saved.body());
        JsonNode afterFirst = knowledge();
        assertFalse(
                entry(afterFirst, "parking")
                        .path("updatedAt")
                        .equals(entry(second, "parking").path("updatedAt")),
                "the entry's version moved on: " + entry(afterFirst, "parking"));

        entry(second, "parking").with("answer").put("en", "Parking costs 30 EUR a day.");
        RawHttp.Response stale = put(second);

        assertEquals(409, stale.status(), stale.body());
        assertEquals("knowledge_changed", stale.errorCode());
        assertTrue(stale.json().at("/error/message").asText().contains("\"parking\""), stale.body());
        assertEquals(afterFirst, knowledge(), "nothing changed");
        assertEquals("Parking is free for guests.", ask("Is there parking?"));

        // the same edit made on a fresh copy goes through
        JsonNode fresh = knowledge();
        entry(fresh, "parking").with("answer").put("en", "Parking costs 30 EUR a day.");
        assertEquals(200, put(fresh).status());
        assertEquals(
                "Parking costs 30 EUR a day.",
                entry(knowledge(), "parking").at("/answer/en").asText());

        // a copy of an entry another desk deleted meanwhile does not bring it back
        JsonNode beforeDelete = knowledge();
        JsonNode withoutParking = knowledge();
        ArrayNode kept = (ArrayNode) withoutParking.path("entries");
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).path("id").asText().equals("parking")) {
                kept.remove(i);
                break;
            }
        }
        assertEquals(200, put(withoutParking).status());
        entry(beforeDelete, "parking").with("answer").put("en", "Parking is in the garage.");
        RawHttp.Response deleted = put(beforeDelete);
        assertEquals(409, deleted.status(), deleted.body());
        assertTrue(deleted.json().at("/error/message").asText().contains("deleted"), deleted.body());
        assertEquals(kept.size(), knowledge().path("entries").size(), "still deleted");
    }

    @Test
    void anEntrySentWithoutItsVersionIsWrittenAsBeforeSoOlderClientsKeepWorking() {
        JsonNode first = knowledge();
        entry(first, "parking").with("answer").put("en", "Parking is free for guests.");
        assertEquals(200, put(first).status());

        JsonNode old = knowledge();
        ObjectNode parking = entry(old, "parking");
        parking.remove("updatedAt");
        parking.with("answer").put("en", "Parking costs 30 EUR a day.");
        // an unchanged entry carrying an old version is no conflict either: nothing of it would change
        entry(old, "checkout-time").put("updatedAt", "2020-01-01T00:00:00Z");
        RawHttp.Response saved = put(old);

        assertEquals(200, saved.status(), saved.body());
        assertEquals(
                "Parking costs 30 EUR a day.",
                entry(knowledge(), "parking").at("/answer/en").asText());
    }

    @Test
    void aBadKnowledgeBaseIsRefusedWithEveryProblemAndChangesNothing() {
        JsonNode before = knowledge();
        ArrayNode entries = JSON.createArrayNode();
        ObjectNode french = newEntry("Où est la piscine ?", "Au deuxième étage.");
        french.set("question", JSON.createObjectNode().put("fr", "Où est la piscine ?"));
        french.set("answer", JSON.createObjectNode().put("fr", "Au deuxième étage."));
        entries.add(french);
        entries.add(newEntry("", "An answer to nothing."));
        entries.add(newEntry("Twice?", "Once.").put("id", "twice"));
        entries.add(newEntry("Twice again?", "Twice.").put("id", "twice"));
        entries.add(newEntry("Long?", "x".repeat(4_001)));
        ObjectNode body = JSON.createObjectNode();
        body.set("entries", entries);

        RawHttp.Response refused = put(body);

        assertEquals(400, refused.status(), refused.body());
        JsonNode fields = refused.json().at("/error/fields");
        assertTrue(fields.has("entries[1].question.en"), fields.toString());
        assertTrue(fields.has("entries[3].id"), fields.toString());
        assertTrue(fields.has("entries[4].answer.en"), fields.toString());
        assertEquals(before, knowledge(), "nothing changed");

        RawHttp.Response foreign = put(
                JSON.createObjectNode().set("entries", JSON.createArrayNode().add(french)));
        assertEquals(400, foreign.status(), foreign.body());
        assertTrue(foreign.json().at("/error/fields").has("entries[0].question.fr"), foreign.body());
        assertEquals(before, knowledge(), "nothing changed");
    }
}
