package dev.concierge.console.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.concierge.api.ApiClient;
import dev.concierge.api.ApiException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ApiClient.download} over a real socket: a streamed answer lands whole, a refusal leaves no file. */
class DownloadTest {
    private static final byte[] BIG = new byte[700 * 1024];

    @TempDir
    Path temp;

    private HttpServer server;
    private ApiClient client;

    @BeforeEach
    void start() throws Exception {
        for (int i = 0; i < BIG.length; i++) {
            BIG[i] = (byte) i;
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/export.xlsx", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, as the server streams its exports
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BIG);
            }
        });
        server.createContext("/refused.xlsx", exchange -> {
            byte[] body = "{\"error\": {\"code\": \"forbidden\", \"message\": \"Managers only.\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(403, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        client = ApiClient.of(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aStreamedAnswerIsSavedWholeAndCountedAsItComes() throws Exception {
        Path target = temp.resolve("contacts.xlsx");
        List<Long> counts = new ArrayList<>();

        long size = client.download("/export.xlsx", target, counts::add);

        assertEquals(BIG.length, size);
        assertArrayEquals(BIG, Files.readAllBytes(target));
        assertEquals(BIG.length, counts.get(counts.size() - 1));
        assertFalse(Files.exists(temp.resolve("contacts.xlsx.part")));
    }

    @Test
    void aRefusalIsTheErrorContractAndLeavesNoFile() {
        Path target = temp.resolve("contacts.xlsx");

        ApiException refused =
                assertThrows(ApiException.class, () -> client.download("/refused.xlsx", target, bytes -> {}));

        assertEquals(403, refused.status());
        assertEquals("Managers only.", refused.error().error().message());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(temp.resolve("contacts.xlsx.part")));
    }
}
