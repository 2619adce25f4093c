package dev.concierge.console.knowledge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.ApiClient;
import dev.concierge.api.ApiError;
import dev.concierge.api.ApiException;
import dev.concierge.api.ApiJson;
import dev.concierge.api.KnowledgeBase;
import dev.concierge.api.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The knowledge screen's server calls; they block, so they run off the FX thread. */
public interface KnowledgeApi {

    /** {@code GET /api/staff/knowledge} (the front desk too). */
    KnowledgeBase knowledge();

    /** {@code PUT /api/staff/knowledge}: the whole list as it should be (manager+); the server's list after it. */
    KnowledgeBase replace(KnowledgeBase base);

    /** The report's {@code unanswered} of the last 30 days ({@code GET /api/staff/reports}, manager+), newest first. */
    List<Report.UnansweredQuestion> unanswered();

    /**
     * @param token the staff token of {@code client}: {@link ApiClient} has no {@code PUT} yet, so the one call that
     *     needs it is sent here with the same JSON and error contract
     */
    static KnowledgeApi over(ApiClient client, String token) {
        ObjectMapper json = ApiJson.newMapper();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return new KnowledgeApi() {
            @Override
            public KnowledgeBase knowledge() {
                return client.get("/api/staff/knowledge", KnowledgeBase.class);
            }

            @Override
            public KnowledgeBase replace(KnowledgeBase base) {
                HttpResponse<byte[]> response;
                try {
                    HttpRequest request = HttpRequest.newBuilder(client.base().resolve("/api/staff/knowledge"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept", "application/json")
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(base)))
                            .build();
                    response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot reach " + client.base(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while calling " + client.base(), e);
                }
                try {
                    if (response.statusCode() >= 400) {
                        throw new ApiException(response.statusCode(), json.readValue(response.body(), ApiError.class));
                    }
                    return json.readValue(response.body(), KnowledgeBase.class);
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "Unreadable answer from " + client.base() + " (HTTP " + response.statusCode() + ")", e);
                }
            }

            @Override
            public List<Report.UnansweredQuestion> unanswered() {
                // without from and to the server reports the last 30 days up to its today
                return client.get("/api/staff/reports", Report.class).unanswered();
            }
        };
    }
}
