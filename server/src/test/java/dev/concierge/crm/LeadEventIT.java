package dev.concierge.crm;

import static dev.concierge.jooq.Tables.OUTBOX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each lead a guest leaves is its own event for the team's workflows, also with the clock frozen for a demo. */
class LeadEventIT {
    @TempDir
    Path dataDir;

    @Test
    void theSameGuestLeavingTwoLeadsInOneFrozenMinuteMakesTwoEvents() {
        try (TestServer server = TestServer.start(
                ServerSettings.defaults(dataDir).withDemo(true).withFrozenNow(LocalDateTime.of(2026, 3, 10, 12, 0)))) {
            String key = server.client()
                    .withStaffToken(server.tokenFor("manager"))
                    .createPublicKey(new PublicKeyRequest("Website", List.of()))
                    .key();
            RawHttp website = server.http().with("X-Concierge-Key", key);
            for (int lead = 1; lead <= 2; lead++) {
                Response asked = website.postJson(
                        "/api/chat",
                        "{\"channel\": \"web\", \"message\": \"Please call me back about a group booking, I'm Henry"
                                + " Ford, +44 7700 900456\"}");
                assertEquals(200, asked.status(), asked.body());
                Response yes = website.postJson(
                        "/api/chat",
                        "{\"channel\": \"web\", \"conversationId\": \""
                                + asked.json().get("conversationId").asText() + "\", \"message\": \"sure\"}");
                assertEquals(200, yes.status(), yes.body());
                assertTrue(yes.json().get("reply").asText().contains("in touch"), yes.body());
            }
            assertEquals(2, server.dsl().fetchCount(OUTBOX, OUTBOX.EVENT_TYPE.eq("lead.captured")));
        }
    }
}
