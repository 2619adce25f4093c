package dev.concierge.console.inbox;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.concierge.api.ApiClient;
import dev.concierge.api.ConversationSummary;
import dev.concierge.api.StaffMessage;
import dev.concierge.api.Transcript;
import dev.concierge.api.VenueProfile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The inbox's server calls; they block, so they run off the FX thread. */
public interface InboxApi {

    /** {@code GET /api/venue}: the server's clock (how long a guest has waited) and the catalogue's names. */
    VenueProfile venue();

    /** {@code GET /api/staff/conversations?status=}: {@code handoff} (waiting for a person) or {@code open}. */
    List<ConversationSummary> conversations(String status);

    /** {@code GET /api/chat/{id}}: every line, the assistant's too (staff may read any conversation). */
    Transcript transcript(String conversationId);

    /** {@code POST /api/staff/conversations/{id}/messages}: the first one takes the conversation over. */
    Transcript reply(String conversationId, String text);

    /** {@code POST /api/staff/conversations/{id}/release}: the assistant answers the guest again. */
    Transcript release(String conversationId);

    static InboxApi over(ApiClient client) {
        return new InboxApi() {
            @Override
            public VenueProfile venue() {
                return client.venue();
            }

            @Override
            public List<ConversationSummary> conversations(String status) {
                return client.get(
                        "/api/staff/conversations?status=" + URLEncoder.encode(status, StandardCharsets.UTF_8),
                        new TypeReference<List<ConversationSummary>>() {});
            }

            @Override
            public Transcript transcript(String conversationId) {
                return client.get("/api/chat/" + path(conversationId), Transcript.class);
            }

            @Override
            public Transcript reply(String conversationId, String text) {
                return client.post(
                        "/api/staff/conversations/" + path(conversationId) + "/messages",
                        new StaffMessage(text),
                        Transcript.class);
            }

            @Override
            public Transcript release(String conversationId) {
                return client.post(
                        "/api/staff/conversations/" + path(conversationId) + "/release", Map.of(), Transcript.class);
            }

            private static String path(String id) {
                return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
            }
        };
    }
}
