package dev.concierge.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A JDK HTTP server for a fake outside service, on a loopback port of its own that stays the same while it stops
 * listening and listens again: the service's outage and its return, with the product still pointed at it.
 */
final class LoopbackServer {
    private final int port = Ports.closed();
    private final String threadName;
    private final int threadCount;
    private final int backlog;
    private final HttpHandler handler;
    private @Nullable HttpServer server;
    private @Nullable ExecutorService threads;

    LoopbackServer(String threadName, int threadCount, int backlog, HttpHandler handler) {
        this.threadName = threadName;
        this.threadCount = threadCount;
        this.backlog = backlog;
        this.handler = handler;
    }

    int port() {
        return port;
    }

    /** Starts (or starts again) answering on the port; answering already changes nothing. */
    synchronized void listen() {
        if (server != null) {
            return;
        }
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
            ExecutorService pool = Executors.newFixedThreadPool(threadCount, task -> {
                Thread thread = new Thread(task, threadName);
                thread.setDaemon(true);
                return thread;
            });
            http.setExecutor(pool);
            http.createContext("/", handler);
            http.start();
            server = http;
            threads = pool;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses connections until the next {@link #listen()}. */
    synchronized void stopListening() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (threads != null) {
            threads.shutdownNow();
            threads = null;
        }
    }
}
