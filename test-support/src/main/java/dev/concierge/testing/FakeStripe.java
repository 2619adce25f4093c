package dev.concierge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A Stripe on a loopback port for the product's stripe-java client: PaymentIntents (create, retrieve, cancel), refunds,
 * Terminal readers (process a PaymentIntent, cancel, taps from the test) and the balance (a key check),
 * answered with Stripe's own canonical resources ({@code shared/specs/stripe-fixtures3.json}, what Stripe's mock
 * server answers with) filled in with the request's values. Every request is checked as Stripe would: a secret key,
 * form encoding, an {@code Idempotency-Key} on every POST, required parameters, and no parameter that the resource
 * does not have; a key used again with the same body answers the first answer, with another body a 400
 * {@code idempotency_error}. Breaches are answered 400 and kept as {@link #problems() problems}. It also makes
 * webhook events (from the fixture {@code event}) signed as Stripe signs them.
 */
public final class FakeStripe implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNode fixtures;
    private final Map<String, ObjectNode> intents = new ConcurrentHashMap<>();
    private final Map<String, String> refundedIntents = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> readers = new ConcurrentHashMap<>();
    private final Map<String, Remembered> idempotency = new ConcurrentHashMap<>();
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final Queue<Integer> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final LoopbackServer http;

    /** One request as it arrived. */
    public record Recorded(
            String method, String path, @Nullable String idempotencyKey, Map<String, String> params, int status) {}

    private record Remembered(String body, int status, String answer) {}

    private FakeStripe(JsonNode fixtures) {
        this.fixtures = fixtures;
        this.http = new LoopbackServer("fake-stripe", 4, 32, this::handle);
    }

    /** A fake Stripe on a free port, from the fixtures named by the system property {@code stripe.fixtures}. */
    public static FakeStripe start() {
        String file = System.getProperty("stripe.fixtures");
        if (file == null) {
            throw new IllegalStateException("set -Dstripe.fixtures to the path of shared/specs/stripe-fixtures3.json");
        }
        return start(Path.of(file));
    }

    /** A fake Stripe on a free port, from this copy of {@code shared/specs/stripe-fixtures3.json}. */
    public static FakeStripe start(Path fixtures) {
        try {
            FakeStripe stripe = new FakeStripe(
                    new ObjectMapper().readTree(Files.readString(fixtures)).get("resources"));
            stripe.listen();
            return stripe;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers again (after {@link #stopListening()}). */
    public void listen() {
        http.listen();
    }

    /** Refuses connections, as Stripe does when the venue's internet is down. */
    public void stopListening() {
        http.stopListening();
    }

    /** What {@code STRIPE_API_BASE} is set to. */
    public String base() {
        return "http://127.0.0.1:" + http.port();
    }

    /** The next requests are answered with these statuses (Stripe's error shape) before the usual answers. */
    public void failNext(Integer... statuses) {
        failures.addAll(List.of(statuses));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> params =
                    form(method.equals("GET") ? exchange.getRequestURI().getRawQuery() : body);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            Answer answer = answer(exchange, method, path, params, key, body);
            requests.add(new Recorded(method, path, key, params, answer.status()));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Request-Id", "req_" + ids.incrementAndGet());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private record Answer(int status, String body) {}

    private Answer answer(
            HttpExchange exchange,
            String method,
            String path,
            Map<String, String> params,
            @Nullable String key,
            String body) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer sk_")) {
            return problem(401, "authentication_error", null, "no secret key: " + auth);
        }
        if (exchange.getRequestHeaders().getFirst("Stripe-Version") == null) {
            return problem(400, "invalid_request_error", null, "no Stripe-Version header");
        }
        if (method.equals("POST")) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
                return problem(400, "invalid_request_error", null, "not form-encoded: " + type);
            }
            if (key == null || key.isBlank()) {
                return problem(400, "invalid_request_error", null, "POST " + path + " without an Idempotency-Key");
            }
            Remembered earlier = idempotency.get(key);
            if (earlier != null) {
                if (!earlier.body().equals(body)) {
                    return error(
                            400,
                            "idempotency_error",
                            null,
                            "Keys for idempotent requests can only be used "
                                    + "with the same parameters they were first used with.");
                }
                return new Answer(earlier.status(), earlier.answer());
            }
        }
        Integer failure = failures.poll();
        if (failure != null) {
            return error(failure, failure == 429 ? "rate_limit_error" : "api_error", null, "scripted failure");
        }
        Answer answer = route(method, path, params);
        if (method.equals("POST") && answer.status() < 500) {
            idempotency.put(key, new Remembered(body, answer.status(), answer.body()));
        }
        return answer;
    }

    private Answer route(String method, String path, Map<String, String> params) {
        if (method.equals("POST") && path.equals("/v1/payment_intents")) {
            return createIntent(params);
        }
        if (method.equals("POST") && path.matches("/v1/payment_intents/[^/]+/cancel")) {
            return cancelIntent(path.split("/")[3], params);
        }
        if (method.equals("GET") && path.startsWith("/v1/payment_intents/")) {
            ObjectNode intent = intents.get(path.substring("/v1/payment_intents/".length()));
            return intent == null
                    ? error(404, "invalid_request_error", "resource_missing", "No such payment_intent")
                    : new Answer(200, intent.toString());
        }
        if (method.equals("GET") && path.equals("/v1/balance")) {
            return new Answer(200, fixtures.get("balance").toString());
        }
        if (method.equals("POST") && path.equals("/v1/refunds")) {
            return refund(params);
        }
        if (path.startsWith("/v1/terminal/readers/")) {
            return reader(method, path.substring("/v1/terminal/readers/".length()), params);
        }
        return problem(404, "invalid_request_error", null, "unexpected " + method + " " + path);
    }

    private Answer createIntent(Map<String, String> params) {
        String unknown = unknownParameter(params, "payment_intent");
        if (unknown != null) {
            return problem(400, "invalid_request_error", "parameter_unknown", "Received unknown parameter: " + unknown);
        }
        String amount = params.get("amount");
        String currency = params.get("currency");
        if (amount == null || !amount.matches("[1-9][0-9]*") || currency == null || !currency.matches("[a-z]{3}")) {
            return problem(
                    400, "invalid_request_error", "parameter_missing", "amount and currency are required: " + params);
        }
        String id = "pi_fake" + ids.incrementAndGet();
        ObjectNode intent = fixtures.get("payment_intent").deepCopy();
        intent.put("id", id);
        intent.put("amount", Long.parseLong(amount));
        intent.put("currency", currency);
        intent.put("client_secret", id + "_secret_" + Integer.toHexString(id.hashCode()));
        intent.put("status", "requires_payment_method");
        intent.put("created", Instant.now().getEpochSecond());
        intent.putNull("canceled_at");
        intent.putNull("last_payment_error");
        intent.putNull("next_action");
        intent.put("description", params.get("description"));
        if (params.containsKey("capture_method")) {
            intent.put("capture_method", params.get("capture_method"));
        }
        com.fasterxml.jackson.databind.node.ArrayNode types = intent.putArray("payment_method_types");
        params.forEach((name, value) -> {
            if (name.startsWith("payment_method_types[")) {
                types.add(value);
            }
        });
        ObjectNode metadata = intent.putObject("metadata");
        params.forEach((name, value) -> {
            if (name.startsWith("metadata[")) {
                metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
            }
        });
        intents.put(id, intent);
        return new Answer(200, intent.toString());
    }

    /** Stripe Terminal's server-driven flow: retrieve a reader, hand it a PaymentIntent, cancel what it does. */
    private synchronized Answer reader(String method, String rest, Map<String, String> params) {
        String[] parts = rest.split("/", 2);
        ObjectNode reader = readers.get(parts[0]);
        if (reader == null) {
            return error(404, "invalid_request_error", "resource_missing", "No such terminal.reader: " + parts[0]);
        }
        if (method.equals("GET") && parts.length == 1) {
            return new Answer(200, reader.toString());
        }
        if (!method.equals("POST") || parts.length != 2) {
            return problem(404, "invalid_request_error", null, "unexpected " + method + " reader " + rest);
        }
        if (!reader.path("status").asText().equals("online")) {
            return error(400, "invalid_request_error", "terminal_reader_offline", "Reader is currently offline.");
        }
        JsonNode action = reader.path("action");
        boolean busy = action.isObject() && action.path("status").asText().equals("in_progress");
        switch (parts[1]) {
            case "process_payment_intent" -> {
                for (String name : params.keySet()) {
                    if (!name.equals("payment_intent")
                            && !name.startsWith("process_config[")
                            && !name.equals("expand")) {
                        return problem(400, "invalid_request_error", "parameter_unknown", "unknown parameter " + name);
                    }
                }
                ObjectNode intent = intents.get(String.valueOf(params.get("payment_intent")));
                if (intent == null) {
                    return problem(400, "invalid_request_error", "resource_missing", "payment_intent: " + params);
                }
                if (!intent.path("payment_method_types").toString().contains("card_present")) {
                    return problem(400, "invalid_request_error", null, "not a card_present PaymentIntent");
                }
                if (busy) {
                    return error(409, "invalid_request_error", "terminal_reader_busy", "Reader is currently busy.");
                }
                ObjectNode next = json.createObjectNode();
                next.put("type", "process_payment_intent");
                next.put("status", "in_progress");
                next.putNull("failure_code");
                next.putNull("failure_message");
                next.putObject("process_payment_intent")
                        .put("payment_intent", intent.get("id").asText());
                reader.set("action", next);
            }
            case "cancel_action" -> {
                if (!params.isEmpty()) {
                    return problem(400, "invalid_request_error", "parameter_unknown", "unknown parameters " + params);
                }
                if (!busy) {
                    return error(
                            400,
                            "invalid_request_error",
                            "terminal_reader_action_not_in_progress",
                            "Nothing to cancel.");
                }
                reader.putNull("action");
            }
            default -> {
                return problem(404, "invalid_request_error", null, "unexpected reader action " + parts[1]);
            }
        }
        return new Answer(200, reader.toString());
    }

    /** A Stripe Terminal reader registered to the account, online and idle. */
    public void addReader(String readerId) {
        ObjectNode reader = fixtures.get("terminal.reader").deepCopy();
        reader.put("id", readerId);
        reader.put("status", "online");
        reader.putNull("action");
        readers.put(readerId, reader);
    }

    /** Takes the reader off line (unplugged, no network) or brings it back. */
    public synchronized void setReaderOnline(String readerId, boolean online) {
        knownReader(readerId).put("status", online ? "online" : "offline");
    }

    /** Card numbers Stripe's test readers decline (its test card "generic decline"). */
    public static final String DECLINED_CARD = "4000000000000002";

    /**
     * A guest taps a card on the reader, as Stripe's {@code present_payment_method} test helper does: the payment the
     * reader waits for succeeds, or for {@link #DECLINED_CARD} the reader's action fails with {@code card_declined}
     * and the PaymentIntent waits for another card.
     */
    public synchronized void tapCard(String readerId, String cardNumber) {
        ObjectNode reader = knownReader(readerId);
        JsonNode action = reader.path("action");
        if (!action.isObject() || !action.path("status").asText().equals("in_progress")) {
            throw new IllegalStateException("reader " + readerId + " is not waiting for a card: " + reader);
        }
        ObjectNode waiting = (ObjectNode) action;
        ObjectNode intent = java.util.Objects.requireNonNull(intents.get(
                action.path("process_payment_intent").path("payment_intent").asText()));
        if (cardNumber.equals(DECLINED_CARD)) {
            waiting.put("status", "failed");
            waiting.put("failure_code", "card_declined");
            waiting.put("failure_message", "Your card was declined.");
            intent.putObject("last_payment_error").put("code", "card_declined").put("type", "card_error");
        } else {
            waiting.put("status", "succeeded");
            setStatus(intent.get("id").asText(), "succeeded");
        }
    }

    /** The reader as Stripe keeps it (its current action). */
    public synchronized JsonNode reader(String readerId) {
        return knownReader(readerId).deepCopy();
    }

    private ObjectNode knownReader(String readerId) {
        ObjectNode reader = readers.get(readerId);
        if (reader == null) {
            throw new IllegalArgumentException("no reader " + readerId + " (addReader first)");
        }
        return reader;
    }

    private Answer cancelIntent(String id, Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!name.equals("cancellation_reason") && !name.equals("expand")) {
                return problem(400, "invalid_request_error", "parameter_unknown", "unknown parameter " + name);
            }
        }
        ObjectNode intent = intents.get(id);
        if (intent == null) {
            return error(404, "invalid_request_error", "resource_missing", "No such payment_intent: " + id);
        }
        String status = intent.path("status").asText();
        if (status.equals("succeeded") || status.equals("canceled")) {
            return error(
                    400,
                    "invalid_request_error",
                    "payment_intent_unexpected_state",
                    "You cannot cancel this PaymentIntent because it has a status of " + status + ".");
        }
        intent.put("status", "canceled");
        intent.put("canceled_at", Instant.now().getEpochSecond());
        return new Answer(200, intent.toString());
    }

    private Answer refund(Map<String, String> params) {
        String unknown = unknownParameter(params, "refund");
        if (unknown != null) {
            return problem(400, "invalid_request_error", "parameter_unknown", "Received unknown parameter: " + unknown);
        }
        String intentId = params.get("payment_intent");
        ObjectNode intent = intentId == null ? null : intents.get(intentId);
        if (intent == null) {
            return error(404, "invalid_request_error", "resource_missing", "No such payment_intent: " + intentId);
        }
        if (!"succeeded".equals(intent.path("status").asText())) {
            return error(400, "invalid_request_error", "payment_intent_unexpected_state", "not succeeded");
        }
        if (refundedIntents.containsKey(intentId)) {
            return error(400, "invalid_request_error", "charge_already_refunded", "Charge has already been refunded.");
        }
        ObjectNode refund = fixtures.get("refund").deepCopy();
        String id = "re_fake" + ids.incrementAndGet();
        refund.put("id", id);
        refund.put("payment_intent", intentId);
        refund.put("amount", intent.get("amount").asLong());
        refund.put("currency", intent.get("currency").asText());
        refund.put("created", Instant.now().getEpochSecond());
        refundedIntents.put(intentId, id);
        return new Answer(200, refund.toString());
    }

    /** The first parameter the resource has no field for ({@code metadata[x]} counts as {@code metadata}). */
    private @Nullable String unknownParameter(Map<String, String> params, String resource) {
        JsonNode fields = fixtures.get(resource);
        for (String name : params.keySet()) {
            String top = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
            if (!fields.has(top) && !top.equals("expand")) {
                return name;
            }
        }
        return null;
    }

    private Answer problem(int status, String type, @Nullable String code, String message) {
        problems.add(message);
        return error(status, type, code, message);
    }

    private Answer error(int status, String type, @Nullable String code, String message) {
        ObjectNode error = json.createObjectNode();
        ObjectNode inner = error.putObject("error");
        inner.put("type", type);
        inner.put("message", message);
        if (code != null) {
            inner.put("code", code);
        }
        return new Answer(status, error.toString());
    }

    private static Map<String, String> form(@Nullable String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    /** The payer completed (or failed) the payment on their side: the PaymentIntent's status as Stripe keeps it. */
    public void setStatus(String paymentIntentId, String status) {
        ObjectNode intent = intents.get(paymentIntentId);
        if (intent == null) {
            throw new IllegalArgumentException("no payment intent " + paymentIntentId);
        }
        intent.put("status", status);
        if (status.equals("succeeded")) {
            intent.put("amount_received", intent.get("amount").asLong());
        }
    }

    /** The PaymentIntents created, by id. */
    public Map<String, JsonNode> intents() {
        return Map.copyOf(intents);
    }

    /**
     * A webhook event of {@code type} about a PaymentIntent (or, for {@code charge.*}, its charge), as Stripe would
     * POST it, with the API version of the product's stripe-java so that it reads the object.
     */
    public String event(String type, String paymentIntentId, String apiVersion) {
        ObjectNode event = newEvent(type, apiVersion);
        ObjectNode data = event.putObject("data");
        ObjectNode intent = intents.get(paymentIntentId);
        if (intent == null) {
            throw new IllegalArgumentException("no payment intent " + paymentIntentId);
        }
        if (type.startsWith("charge.")) {
            ObjectNode charge = fixtures.get("charge").deepCopy();
            charge.put("id", "ch_fake" + ids.incrementAndGet());
            charge.put("payment_intent", paymentIntentId);
            charge.put("amount", intent.get("amount").asLong());
            charge.put("amount_refunded", intent.get("amount").asLong());
            charge.put("refunded", true);
            data.set("object", charge);
        } else {
            data.set("object", intent.deepCopy());
        }
        return event.toString();
    }

    /** A {@code terminal.reader.*} webhook event about the reader as it is now (its action), as Stripe would POST it. */
    public String readerEvent(String type, String readerId, String apiVersion) {
        ObjectNode event = newEvent(type, apiVersion);
        event.putObject("data").set("object", reader(readerId));
        return event.toString();
    }

    private ObjectNode newEvent(String type, String apiVersion) {
        ObjectNode event = fixtures.get("event").deepCopy();
        event.put("id", "evt_fake" + ids.incrementAndGet());
        event.put("type", type);
        event.put("api_version", apiVersion);
        event.put("created", Instant.now().getEpochSecond());
        return event;
    }

    /** The {@code Stripe-Signature} header Stripe would send with {@code payload}, signed at {@code at}. */
    public static String signature(String payload, String webhookSecret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long t = at.getEpochSecond();
            return "t=" + t + ",v1="
                    + HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests that broke Stripe's rules; a test asserts this is empty. */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    @Override
    public void close() {
        stopListening();
    }
}
