package dev.concierge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Plain HTTP against a running server, for tests that check exact statuses, headers and bodies (the error
 * contract, auth); {@code dev.concierge.api.ApiClient} is for tests that use the API as a client would.
 */
public final class RawHttp {
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public RawHttp(URI base) {
        this.base = base;
    }

    /** A copy that sends {@code name: value} with every request. */
    public RawHttp with(String name, String value) {
        RawHttp copy = new RawHttp(base);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    public RawHttp bearer(String token) {
        return with("Authorization", "Bearer " + token);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    /** The body of a GET as bytes (a spreadsheet, a zip), failing on any status but 200. */
    public byte[] getBytes(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** POSTs {@code body} as {@code application/json}. */
    public Response postJson(String path, String body) {
        return send("POST", path, "application/json", body);
    }

    public Response send(String method, String path, @Nullable String contentType, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response as received. */
    public record Response(int status, HttpHeaders headers, String body, ObjectMapper mapper) {
        /** The body as JSON; fails the test with the body shown when it is not JSON. */
        public JsonNode json() {
            try {
                return mapper.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        /** {@code error.code} of an error answer. */
        public String errorCode() {
            return json().path("error").path("code").asText();
        }

        public @Nullable String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
