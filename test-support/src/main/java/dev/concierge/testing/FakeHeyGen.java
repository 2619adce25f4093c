package dev.concierge.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HeyGen's streaming-avatar token endpoint ({@code POST /v1/streaming.create_token}) on a loopback port: it answers
 * {@link #TOKEN} with the scripted status and records which method and {@code x-api-key} each request came with.
 */
public final class FakeHeyGen implements AutoCloseable {
    public static final String TOKEN = "tok_session_42";

    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger status = new AtomicInteger(200);
    private final LoopbackServer http = new LoopbackServer("fake-heygen", 2, 16, this::handle);

    private FakeHeyGen() {}

    public static FakeHeyGen start() {
        FakeHeyGen heygen = new FakeHeyGen();
        heygen.http.listen();
        return heygen;
    }

    /** What {@code HEYGEN_API_BASE} is set to. */
    public String base() {
        return "http://127.0.0.1:" + http.port();
    }

    /** Every next request is answered with this status (200 gives the token). */
    public void answers(int status) {
        this.status.set(status);
    }

    /** {@code "POST <x-api-key>"} per request, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/v1/streaming.create_token")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            requests.add(exchange.getRequestMethod() + " "
                    + exchange.getRequestHeaders().getFirst("x-api-key"));
            int answer = status.get();
            byte[] body = (answer == 200
                            ? "{\"error\": null, \"data\": {\"token\": \"" + TOKEN + "\"}}"
                            : "{\"error\": {\"code\": " + answer
                                    + ", \"message\": \"scripted failure\"}, \"data\": null}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        http.stopListening();
    }
}
