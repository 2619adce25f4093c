package dev.concierge.integration.heygen;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.ConnectionResult;
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
import java.util.function.Function;
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
    public static final String NAME = "heygen";
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
        TokenAnswer answer = requestToken(apiKey);
        if (answer.token() == null) {
            log.warn("HeyGen did not give a session token ({})", answer.failure());
            throw unavailableUpstream();
        }
        ctx.json(Map.of("provider", "heygen", "token", answer.token()));
    }

    /**
     * The console's "test connection": asks HeyGen for a session token with these settings, as a guest's video
     * would (a token starts no session and costs nothing until one is opened with it).
     */
    public static ConnectionResult testConnection(Function<String, @Nullable String> settings, ObjectMapper json) {
        String key = settings.apply("HEYGEN_API_KEY");
        if (key == null) {
            return new ConnectionResult(NAME, false, "HEYGEN_API_KEY is not set.");
        }
        TokenAnswer answer = new VideoSessionController(key, settings.apply("HEYGEN_API_BASE"), json).requestToken(key);
        if (answer.token() != null) {
            return new ConnectionResult(NAME, true, "HeyGen accepted the key and made a session token.");
        }
        return new ConnectionResult(
                NAME,
                false,
                answer.status() == 401 || answer.status() == 403
                        ? "HeyGen refused the key (" + answer.status() + "): check HEYGEN_API_KEY."
                        : "HeyGen made no session token: " + answer.failure() + ".");
    }

    /** A session token, or why none came (for the log and the desk; never the key nor HeyGen's text). */
    private record TokenAnswer(@Nullable String token, int status, String failure) {}

    private TokenAnswer requestToken(String key) {
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(TIMEOUT)
                .header("x-api-key", key)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new TokenAnswer(
                    null, -1, "HeyGen could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TokenAnswer(null, -1, "interrupted");
        }
        String token = null;
        if (response.statusCode() == 200) {
            try {
                token = json.readTree(response.body())
                        .path("data")
                        .path("token")
                        .textValue();
            } catch (IOException e) {
                token = null;
            }
        }
        if (token == null || token.isBlank()) {
            return new TokenAnswer(null, response.statusCode(), "HeyGen answered HTTP " + response.statusCode());
        }
        return new TokenAnswer(token, response.statusCode(), "");
    }

    private static DomainException unavailableUpstream() {
        return new DomainException(
                Failure.UPSTREAM,
                "video_failed",
                "The video assistant is not available right now; please chat instead.");
    }
}
