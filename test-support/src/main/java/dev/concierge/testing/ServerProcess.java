package dev.concierge.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server in a process of its own, as a service manager runs it: started from the real jar (or a classpath),
 * stopped with SIGTERM or killed with SIGKILL. Its output is kept for the test to read.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern RUNNING = Pattern.compile("Concierge is running at (http://\\S+?)/?$");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<URI> started = new CompletableFuture<>();
    private final Thread reader;

    private ServerProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::readOutput, "server-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java -jar jar args…} (port 0 picks a free port unless args say otherwise) with extra
     * environment variables, and waits until it says it is running.
     */
    public static ServerProcess startJar(Path jar, Map<String, String> env, String... args) {
        ServerProcess server = launchJar(jar, env, args);
        server.awaitRunning(Duration.ofSeconds(60));
        return server;
    }

    /** Starts a process without waiting for it to run (for start-up failures). */
    public static ServerProcess launchJar(Path jar, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return launch(command, env);
    }

    /**
     * Removes every server setting from a child's environment, so that only what a test or benchmark gives reaches
     * the server and the developer's own settings (a real OpenAI key, a rate limit…) never leak in.
     */
    public static void withoutServerSettings(Map<String, String> environment) {
        environment
                .keySet()
                .removeIf(name -> name.startsWith("CONCIERGE_")
                        || name.startsWith("OPENAI_")
                        || name.startsWith("STRIPE_")
                        || name.startsWith("GOOGLE_")
                        || name.startsWith("N8N_")
                        || name.startsWith("RATE_LIMIT_")
                        || name.equals("CORS_ORIGIN")
                        || name.equals("PORT"));
    }

    private static ServerProcess launch(List<String> command, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        withoutServerSettings(environment);
        environment.putAll(env);
        try {
            return new ServerProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void readOutput() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                Matcher matcher = RUNNING.matcher(line.trim());
                if (matcher.find()) {
                    started.complete(URI.create(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        started.completeExceptionally(new IllegalStateException("the server ended before it ran:\n" + output()));
    }

    /** The base URI once the server says it is running. */
    public URI awaitRunning(Duration timeout) {
        try {
            return started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the server did not start within " + timeout + ":\n" + output(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The process, for what it has cost (CPU) so far. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public URI uri() {
        return awaitRunning(Duration.ofSeconds(60));
    }

    /** Everything the process printed so far, one line each. */
    public String output() {
        return String.join("\n", output);
    }

    /** Sends SIGTERM and answers the exit code. */
    public int stop(Duration timeout) {
        // through the handle: Process.destroy() would also close our end of the output pipe, and the server's
        // last log lines (written while it shuts down) would be lost
        process.toHandle().destroy();
        return awaitExit(timeout);
    }

    /** SIGKILL: the machine losing power, as far as the process can tell. */
    public int kill(Duration timeout) {
        process.toHandle().destroyForcibly();
        return awaitExit(timeout);
    }

    /** Waits for the process to end by itself and answers its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not end within " + timeout + ":\n" + output());
            }
            reader.join(5_000); // the last lines may still be in the pipe
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
