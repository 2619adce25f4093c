package dev.concierge.integration.n8n;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.api.ConnectionResult;
import dev.concierge.outbox.Connector;
import dev.concierge.outbox.DeliveryFailure;
import dev.concierge.outbox.OutboxEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * POSTs every important event as JSON to {@code N8N_WEBHOOK_URL}: {@code {id, type, timestamp, data}} with the
 * Standard Webhooks headers ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature} when
 * {@code N8N_WEBHOOK_SECRET} is set). The id is derived from the event's idempotency key, so it is the same on every
 * retry and receivers drop duplicates by it. Payloads are documented in docs/webhooks.md.
 */
public final class N8nWebhooks implements Connector {
    public static final String NAME = "n8n";
    /** The events a workflow may act on; internal bookkeeping events stay home. */
    static final Set<String> TYPES = Set.of(
            "booking.created",
            "booking.changed",
            "booking.cancelled",
            "order.created",
            "order.changed",
            "order.cancelled",
            "order.paid",
            "lead.captured",
            "conversation.handoff",
            "contact.erased");
    /** The spec recommends 15 to 30 s for the receiver to answer. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI url;
    private final @Nullable StandardWebhookSigner signer;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Clock wallClock;
    private final String userAgent;

    private N8nWebhooks(
            URI url, @Nullable StandardWebhookSigner signer, ObjectMapper json, Clock wallClock, String version) {
        this.url = url;
        this.signer = signer;
        this.json = json;
        this.wallClock = wallClock;
        this.userAgent = "Concierge/" + version;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The connector when {@code N8N_WEBHOOK_URL} is set; a malformed URL or secret stops the start with a clear
     * message rather than failing every delivery later.
     */
    public static Optional<N8nWebhooks> fromSettings(
            @Nullable String url, @Nullable String secret, ObjectMapper json, Clock wallClock, String version) {
        if (url == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("N8N_WEBHOOK_URL is not a URL", e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("N8N_WEBHOOK_URL must be an http or https URL");
        }
        StandardWebhookSigner signer = secret == null ? null : StandardWebhookSigner.of(secret);
        return Optional.of(new N8nWebhooks(uri, signer, json, wallClock, version));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean wants(String eventType) {
        return TYPES.contains(eventType);
    }

    /** Whether deliveries are signed; unsigned ones cannot be told from forgeries by the receiver. */
    public boolean signed() {
        return signer != null;
    }

    @Override
    public void deliver(OutboxEvent event) throws DeliveryFailure {
        String id = webhookId(event.idempotencyKey());
        String body = body(id, event);
        long timestamp = wallClock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", userAgent)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signer != null) {
            request.header("webhook-signature", signer.sign(id, timestamp, body));
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw DeliveryFailure.retryable("n8n did not answer within " + TIMEOUT.toSeconds() + " s", null);
        } catch (IOException e) {
            // the message of a connect failure names no secret; the URL (which may carry a token) is left out
            throw DeliveryFailure.retryable(
                    "n8n could not be reached: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.retryable("stopped while calling n8n", null);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 410) {
            throw DeliveryFailure.permanent("n8n answered 410 Gone: the receiver wants no more webhooks at this URL");
        }
        throw DeliveryFailure.ofStatus(
                NAME,
                status,
                response.headers().firstValue("Retry-After").orElse(null),
                status >= 300 && status < 400 ? "redirects are not followed; set the webhook's final URL" : null,
                wallClock.instant());
    }

    /**
     * The console's "test connection": one {@code concierge.test} webhook, signed as every other, to the URL these
     * settings name. Nothing else is sent and nothing is stored.
     */
    public static ConnectionResult testConnection(
            Function<String, @Nullable String> settings, ObjectMapper json, Clock wallClock, String version) {
        Optional<N8nWebhooks> n8n;
        try {
            n8n = fromSettings(
                    settings.apply("N8N_WEBHOOK_URL"), settings.apply("N8N_WEBHOOK_SECRET"), json, wallClock, version);
        } catch (IllegalArgumentException e) {
            return new ConnectionResult(NAME, false, String.valueOf(e.getMessage()));
        }
        if (n8n.isEmpty()) {
            return new ConnectionResult(NAME, false, "N8N_WEBHOOK_URL is not set.");
        }
        OffsetDateTime now = OffsetDateTime.now(wallClock);
        OutboxEvent ping = new OutboxEvent(
                0,
                NAME,
                "concierge.test",
                "test",
                "concierge.test:" + now.toInstant().toEpochMilli(),
                "{\"message\": \"A test from the Concierge console\"}",
                now,
                1);
        try {
            n8n.get().deliver(ping);
        } catch (DeliveryFailure e) {
            return new ConnectionResult(NAME, false, e.reason());
        }
        return new ConnectionResult(
                NAME,
                true,
                "The webhook answered" + (n8n.get().signed() ? "." : ", but N8N_WEBHOOK_SECRET is not set: unsigned."));
    }

    /**
     * The Standard Webhooks message id of an event: stable across retries and restarts, free of the full stops the
     * spec forbids in ids (idempotency keys have them: {@code booking.created:MR-7K3Q:1}).
     */
    static String webhookId(String idempotencyKey) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "msg_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String body(String id, OutboxEvent event) {
        ObjectNode message = json.createObjectNode();
        message.put("id", id);
        message.put("type", event.type());
        message.put("timestamp", event.occurredAt().toInstant().toString());
        try {
            message.set("data", json.readTree(event.payload()));
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox payload is not JSON", e);
        }
    }
}
