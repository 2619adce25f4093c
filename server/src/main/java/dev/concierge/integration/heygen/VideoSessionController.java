package dev.concierge.integration.heygen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.common.DomainException;
import dev.concierge.common.Failure;
import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/video/session}: a short-lived HeyGen streaming-avatar token for the widget or kiosk, made here with
 * {@code HEYGEN_API_KEY} so the key itself never leaves the server. Without the key a 503 that says so; when HeyGen
 * fails a 502. Public routes are rate-limited per address, like every other.
 */
public final class VideoSessionController {
    private static final Logger log = LoggerFactory.getLogger(VideoSessionController.class);
    public static final String DEFAULT_BASE = "https://api.heygen.com";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final @Nullable String apiKey;
    private final URI tokenUri;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param apiBase {@code HEYGEN_API_BASE} (a test server), else HeyGen's own */
    public VideoSessionController(@Nullable String apiKey, @Nullable String apiBase, ObjectMapper json) {
        this.apiKey = apiKey;
        this.tokenUri = URI.create(
                (apiBase == null ? DEFAULT_BASE : apiBase.replaceAll("/+$", "")) + "/v1/streaming.create_token");
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/video/session", this::create, Access.PUBLIC_CLIENT);
    }

    private void create(Context ctx) {
        if (apiKey == null) {
            throw DomainException.unavailable(
                    "video_unavailable", "Video with the avatar is not set up here (HEYGEN_API_KEY).");
        }
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(TIMEOUT)
                .header("x-api-key", apiKey)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.warn("HeyGen could not be reached: {}", e.getClass().getSimpleName());
            throw unavailableUpstream();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailableUpstream();
        }
        String token = null;
        if (response.statusCode() == 200) {
            try {
                JsonNode answer = json.readTree(response.body());
                token = answer.path("data").path("token").textValue();
            } catch (IOException e) {
                token = null;
            }
        }
        if (token == null || token.isBlank()) {
            log.warn("HeyGen did not give a session token (HTTP {})", response.statusCode());
            throw unavailableUpstream();
        }
        ctx.json(Map.of("provider", "heygen", "token", token));
    }

    private static DomainException unavailableUpstream() {
        return new DomainException(
                Failure.UPSTREAM,
                "video_failed",
                "The video assistant is not available right now; please chat instead.");
    }
}
