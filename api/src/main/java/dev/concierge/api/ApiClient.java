package dev.concierge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A small client of the Concierge HTTP API over {@code java.net.http}, used by the console, the kiosk and tests.
 * It is immutable: {@link #withStaffToken} and {@link #withPublicKey} return a client carrying that credential.
 */
public final class ApiClient {
    private final HttpClient http;
    private final ObjectMapper json;
    private final URI base;
    private final @Nullable String bearer;
    private final @Nullable String publicKey;

    private ApiClient(
            HttpClient http, ObjectMapper json, URI base, @Nullable String bearer, @Nullable String publicKey) {
        this.http = http;
        this.json = json;
        this.base = base;
        this.bearer = bearer;
        this.publicKey = publicKey;
    }

    /** A client of the server at {@code base}, e.g. {@code http://localhost:7070}. */
    public static ApiClient of(URI base) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return new ApiClient(http, ApiJson.newMapper(), base, null, null);
    }

    public ApiClient withStaffToken(String token) {
        return new ApiClient(http, json, base, token, publicKey);
    }

    /** A kiosk's device token goes in the same header as a staff token. */
    public ApiClient withDeviceToken(String token) {
        return withStaffToken(token);
    }

    public ApiClient withPublicKey(String key) {
        return new ApiClient(http, json, base, bearer, key);
    }

    public URI base() {
        return base;
    }

    public Health health() {
        return get("/api/health", Health.class);
    }

    public StaffSession login(String email, String password) {
        return post("/api/staff/login", new StaffLogin(email, password), StaffSession.class);
    }

    public void logout() {
        send(request("/api/staff/logout").POST(HttpRequest.BodyPublishers.noBody()), null);
    }

    public VenueProfile venue() {
        return get("/api/venue", VenueProfile.class);
    }

    public PublicKeyCreated createPublicKey(PublicKeyRequest request) {
        return post("/api/staff/keys", request, PublicKeyCreated.class);
    }

    public List<PublicKeySummary> publicKeys() {
        return get("/api/staff/keys", new TypeReference<List<PublicKeySummary>>() {});
    }

    public <T> T get(String path, Class<T> type) {
        return expectBody(send(request(path).GET(), json.constructType(type)));
    }

    public <T> T get(String path, TypeReference<T> type) {
        return expectBody(send(request(path).GET(), json.constructType(type)));
    }

    public <T> T post(String path, Object body, Class<T> type) {
        HttpRequest.Builder builder = request(path).POST(jsonBody(body)).header("Content-Type", "application/json");
        return expectBody(send(builder, json.constructType(type)));
    }

    public <T> T put(String path, Object body, Class<T> type) {
        HttpRequest.Builder builder = request(path).PUT(jsonBody(body)).header("Content-Type", "application/json");
        return expectBody(send(builder, json.constructType(type)));
    }

    public <T> T patch(String path, Object body, Class<T> type) {
        HttpRequest.Builder builder =
                request(path).method("PATCH", jsonBody(body)).header("Content-Type", "application/json");
        return expectBody(send(builder, json.constructType(type)));
    }

    private <T> T expectBody(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("The server at " + base + " answered with no body");
        }
        return value;
    }

    public void delete(String path) {
        send(request(path).DELETE(), null);
    }

    /**
     * Saves what {@code GET path} answers (an export) into {@code target}, telling {@code bytesReceived} the count so
     * far as it comes; answers the size. Nothing is left at {@code target} when the server refuses or the transfer
     * breaks off: it is written beside it first and moved into place once whole.
     */
    public long download(String path, Path target, LongConsumer bytesReceived) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(
                    request(path)
                            .setHeader("Accept", "*/*")
                            .timeout(Duration.ofMinutes(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + base, e);
        }
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 400) {
                throw new ApiException(response.statusCode(), json.readValue(body.readAllBytes(), ApiError.class));
            }
            long received = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(partial)) {
                for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                    out.write(buffer, 0, read);
                    received += read;
                    bytesReceived.accept(received);
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return received;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save " + path + " from " + base + " to " + target, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover .part file next to the target is harmless
            }
        }
    }

    private HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write request body", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (publicKey != null) {
            builder.header("X-Concierge-Key", publicKey);
        }
        return builder;
    }

    @SuppressWarnings("TypeParameterUnusedInFormals") // the caller names the type it expects
    private <T> @Nullable T send(HttpRequest.Builder builder, @Nullable JavaType type) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + base, e);
        }
        try {
            if (response.statusCode() >= 400) {
                throw new ApiException(response.statusCode(), json.readValue(response.body(), ApiError.class));
            }
            if (type == null || response.body().length == 0) {
                return null;
            }
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Unreadable answer from " + base + " (HTTP " + response.statusCode() + ")", e);
        }
    }
}
