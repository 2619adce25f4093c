package dev.concierge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * An OpenAI-compatible server on a free loopback port that answers {@code POST /v1/chat/completions} from a script
 * (tool calls, messages, errors, stalls, garbage), records every request, and checks each request and each answer
 * it gives against the official description ({@link OpenAiContract}). A request beyond the script gets a 500 and a
 * {@link #problems() problem}.
 */
public final class FakeOpenAi implements AutoCloseable {
    /** Where the official client sends an audio transcription. */
    public static final String TRANSCRIPTIONS = "/v1/audio/transcriptions";

    /** Where the official client sends a chat completion, given {@link #baseUrl()}. */
    public static final String PATH = "/v1/chat/completions";

    private final HttpServer server;
    private final ExecutorService threads;
    private final OpenAiContract contract;
    private final ObjectMapper json = new ObjectMapper();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    /** Released on close: a stalled answer stops waiting. */
    private final CountDownLatch closing = new CountDownLatch(1);

    private FakeOpenAi(OpenAiContract contract) {
        this.contract = contract;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-openai");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeOpenAi start(OpenAiContract contract) {
        return new FakeOpenAi(contract);
    }

    /** The value for {@code OPENAI_BASE_URL}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** A request that was received, as it came. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        public Recorded {
            headers = Map.copyOf(headers);
        }

        /** The first value of a header, by its name in any case. */
        public @Nullable String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }

        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---- the script ------------------------------------------------------------------------------------------------

    private sealed interface Answer permits ToolCall, Message, Failure, Stall, Garbage, Heard {}

    /** A transcription's text. */
    private record Heard(String text) implements Answer {}

    private record ToolCall(String name, String arguments) implements Answer {}

    private record Message(String text) implements Answer {}

    private record Failure(int status) implements Answer {}

    private record Stall(Duration delay, Answer then) implements Answer {}

    private record Garbage() implements Answer {}

    /** The next request is answered with a call of function {@code name} with {@code arguments} (JSON). */
    public FakeOpenAi callsTool(String name, String arguments) {
        script.add(new ToolCall(name, arguments));
        return this;
    }

    /** The next request is answered with the assistant's {@code text}. */
    /** Answers the next audio transcription with {@code text}. */
    public FakeOpenAi hears(String text) {
        script.add(new Heard(text));
        return this;
    }

    public FakeOpenAi says(String text) {
        script.add(new Message(text));
        return this;
    }

    /** The next request fails with {@code status} and an OpenAI error body. */
    public FakeOpenAi fails(int status) {
        script.add(new Failure(status));
        return this;
    }

    /** The next request is answered with {@code text}, but only after {@code delay} (or when the fake closes). */
    public FakeOpenAi stalls(Duration delay, String text) {
        script.add(new Stall(delay, new Message(text)));
        return this;
    }

    /** The next request is answered 200 with JSON that is no chat completion. */
    public FakeOpenAi answersGarbage() {
        script.add(new Garbage());
        return this;
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * Everything that did not follow the description: requests the product sent, answers this fake gave (errors
     * and garbage excepted, which are wrong on purpose), and requests beyond the script.
     */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    // ---- serving ---------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
            int number = requests.size() + 1;
            requests.add(new Recorded(exchange.getRequestMethod(), path, headers, body));
            if ("POST".equals(exchange.getRequestMethod()) && TRANSCRIPTIONS.equals(path)) {
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                contract.transcriptionProblems(contentType, parts(body))
                        .forEach(p -> problems.add("request " + number + ": " + p));
                Answer answer = script.poll();
                if (answer instanceof Heard heard) {
                    send(
                            exchange,
                            200,
                            json.createObjectNode().put("text", heard.text()).toString());
                } else if (answer instanceof Failure failure) {
                    send(exchange, failure.status(), error("scripted failure", "server_error"));
                } else {
                    problems.add("request " + number + ": a transcription the script did not expect");
                    send(exchange, 500, error("the fake's script has no transcription here", "server_error"));
                }
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !PATH.equals(path)) {
                problems.add("request " + number + ": " + exchange.getRequestMethod() + " " + path + " is not " + PATH);
                send(exchange, 404, error("unknown path", "invalid_request_error"));
                return;
            }
            // the description's paths are relative to its server, https://api.openai.com/v1
            String specPath = path.substring("/v1".length());
            contract.requestProblems(specPath, headers, body)
                    .forEach(p -> problems.add("request " + number + ": " + p));
            Answer answer = script.poll();
            if (answer == null) {
                problems.add("request " + number + " came after the script's end");
                send(exchange, 500, error("the fake's script is over", "server_error"));
                return;
            }
            answer(exchange, answer, number, specPath, headers, body);
        }
    }

    private void answer(
            HttpExchange exchange,
            Answer answer,
            int number,
            String specPath,
            Map<String, List<String>> headers,
            String body)
            throws IOException {
        if (answer instanceof Stall stall) {
            try {
                closing.await(stall.delay().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            answer(exchange, stall.then(), number, specPath, headers, body);
            return;
        }
        if (answer instanceof Failure failure) {
            send(exchange, failure.status(), error("scripted failure", "server_error"));
            return;
        }
        if (answer instanceof Garbage) {
            send(exchange, 200, "{\"hello\": [1, 2, 3]}");
            return;
        }
        String completion = completion(answer, model(body));
        contract.responseProblems(specPath, headers, body, 200, completion)
                .forEach(p -> problems.add("answer " + number + ": " + p));
        send(exchange, 200, completion);
    }

    /** The part names of a multipart body, each with whether it carried a file name. */
    private static Map<String, Boolean> parts(String body) {
        Map<String, Boolean> parts = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher part = java.util.regex.Pattern.compile(
                        "Content-Disposition: form-data; name=\"([^\"]+)\"(; filename=\"[^\"]*\")?",
                        java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(body);
        while (part.find()) {
            parts.put(part.group(1), part.group(2) != null);
        }
        return parts;
    }

    private String model(String body) {
        try {
            return json.readTree(body).path("model").asText("gpt-4o-mini");
        } catch (IOException e) {
            return "gpt-4o-mini";
        }
    }

    /** A chat completion as the service answers it, non-streamed. */
    private String completion(Answer answer, String model) {
        ObjectNode completion = json.createObjectNode()
                .put("id", "chatcmpl-fake" + ids.incrementAndGet())
                .put("object", "chat.completion")
                .put("created", System.currentTimeMillis() / 1000)
                .put("model", model);
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0).putNull("logprobs");
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        message.putNull("refusal");
        if (answer instanceof ToolCall call) {
            choice.put("finish_reason", "tool_calls");
            message.putNull("content");
            ArrayNode calls = message.putArray("tool_calls");
            calls.addObject()
                    .put("id", "call_" + ids.incrementAndGet())
                    .put("type", "function")
                    .putObject("function")
                    .put("name", call.name())
                    .put("arguments", call.arguments());
        } else {
            choice.put("finish_reason", "stop");
            message.put("content", ((Message) answer).text());
        }
        completion
                .putObject("usage")
                .put("prompt_tokens", 100)
                .put("completion_tokens", 20)
                .put("total_tokens", 120);
        return completion.toString();
    }

    private String error(String message, String type) {
        ObjectNode body = json.createObjectNode();
        body.putObject("error")
                .put("message", message)
                .put("type", type)
                .putNull("param")
                .putNull("code");
        return body.toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "FakeOpenAi at " + baseUrl() + " (" + requests.size() + " requests, " + script.size() + " answers left)";
    }
}
