package dev.concierge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A receiver of Standard Webhooks (n8n, or any workflow tool) on a loopback port. It checks every request as the
 * specification (../shared/specs/standard-webhooks.md) tells a consumer to: POST, the three {@code webhook-}
 * headers, an id without full stops, a timestamp within five minutes, a {@code v1,} HMAC-SHA256 signature over
 * {@code id.timestamp.body} compared in constant time, and a JSON body with {@code type}, {@code timestamp} and
 * {@code data}. A request that breaks the contract is answered 400 and kept as a {@link #problems() problem}. Answers
 * can be scripted (statuses, {@code Retry-After}, a delay); it can stop listening and listen again on the same port,
 * for outages. It never drops a duplicate itself: tests count what arrived.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;
    private final String secret;
    private final ObjectMapper json = new ObjectMapper();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Message> received = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<String> attempts = Collections.synchronizedList(new ArrayList<>());
    private volatile Duration delay = Duration.ZERO;
    private final LoopbackServer http;

    /** One webhook as it arrived, signature checked. */
    public record Message(String id, long timestamp, String type, JsonNode body, Instant arrivedAt) {
        public JsonNode data() {
            return body.get("data");
        }
    }

    /** A scripted answer to the next request. */
    public record Answer(int status, @Nullable String retryAfter) {}

    private WebhookReceiver(byte[] key) {
        this.key = key.clone();
        this.secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        this.http = new LoopbackServer("webhook-receiver", 8, 64, this::handle);
    }

    /** A receiver listening on a free port with a new random secret. */
    public static WebhookReceiver start() {
        WebhookReceiver receiver = new WebhookReceiver(randomKey());
        receiver.listen();
        return receiver;
    }

    /** A receiver with a port and secret but not listening yet: the internet is down until {@link #listen()}. */
    public static WebhookReceiver notListening() {
        return new WebhookReceiver(randomKey());
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }

    /** Starts (or starts again) answering on its port. */
    public void listen() {
        http.listen();
    }

    /** Stops answering: connections are refused, as when the receiver's host is unreachable. */
    public void stopListening() {
        http.stopListening();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + http.port() + "/webhook/concierge");
    }

    /** The Standard Webhooks secret the sender must sign with ({@code whsec_…}). */
    public String secret() {
        return secret;
    }

    /** The next requests get these answers, in order (then 204 again). */
    public void answer(Answer... answers) {
        script.addAll(List.of(answers));
    }

    /** Every later answer waits this long first (a slow receiver). */
    public void delay(Duration perRequest) {
        this.delay = perRequest;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            String problem = check(exchange, body);
            if (problem != null) {
                problems.add(problem);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            attempts.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            Answer answer = script.poll();
            int status = answer == null ? 204 : answer.status();
            if (status >= 200 && status < 300) {
                JsonNode parsed = json.readTree(body);
                received.add(new Message(
                        exchange.getRequestHeaders().getFirst("webhook-id"),
                        Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp")),
                        parsed.get("type").asText(),
                        parsed,
                        Instant.now()));
            }
            if (answer != null && answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private @Nullable String check(HttpExchange exchange, String body) {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return "method " + exchange.getRequestMethod();
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            return "content type " + contentType;
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return "missing webhook- header(s): id=" + id + " timestamp=" + timestamp + " signature=" + signatures;
        }
        if (id.contains(".")) {
            return "webhook-id has a full stop: " + id;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "webhook-timestamp is not integer seconds: " + timestamp;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), Instant.now())
                        .abs()
                        .compareTo(TOLERANCE)
                > 0) {
            return "webhook-timestamp outside the tolerance: " + timestamp;
        }
        byte[] expected = Base64.getDecoder().decode(sign(id + "." + timestamp + "." + body));
        boolean matches = false;
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(signature.substring(3));
                } catch (IllegalArgumentException e) {
                    return "signature is not base64: " + signature;
                }
                matches |= MessageDigest.isEqual(expected, given);
            }
        }
        if (!matches) {
            return "no v1 signature matches for " + id;
        }
        try {
            JsonNode parsed = json.readTree(body);
            for (String field : List.of("type", "timestamp", "data")) {
                if (parsed == null || !parsed.hasNonNull(field)) {
                    return "payload without " + field + ": " + body;
                }
            }
            Instant.parse(parsed.get("timestamp").asText());
        } catch (IOException | RuntimeException e) {
            return "payload is not the Standard Webhooks shape: " + e.getMessage();
        }
        return null;
    }

    private String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What arrived and was answered 2xx, in order of arrival, duplicates included. */
    public List<Message> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The webhook id of every well-formed request, whatever it was answered, in order of arrival. */
    public List<String> attemptIds() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /** The distinct webhook ids answered 2xx: what a receiver that drops duplicates acted on. */
    public Set<String> distinctIds() {
        Set<String> ids = new LinkedHashSet<>();
        received().forEach(message -> ids.add(message.id()));
        return ids;
    }

    /** Requests that broke the Standard Webhooks contract; a test asserts this is empty. */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** The messages of {@code type} whose data has {@code field} = {@code value}. */
    public List<Message> withData(String type, String field, String value) {
        return received().stream()
                .filter(m -> m.type().equals(type)
                        && value.equals(m.data().path(field).asText()))
                .toList();
    }

    /** Waits until {@code condition} holds; fails the test after {@code timeout}. */
    public void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; received "
                        + received().size() + " (" + distinctIds().size() + " distinct), problems " + problems());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** The environment that points a server at this receiver. */
    public Map<String, String> serverEnvironment() {
        return Map.of("N8N_WEBHOOK_URL", url().toString(), "N8N_WEBHOOK_SECRET", secret);
    }

    @Override
    public void close() {
        stopListening();
    }
}
