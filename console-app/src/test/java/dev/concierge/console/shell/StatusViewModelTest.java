package dev.concierge.console.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiError;
import dev.concierge.api.ApiException;
import dev.concierge.api.Health;
import dev.concierge.console.shell.StatusViewModel.ServerState;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {
    private static final URI SERVER = URI.create("http://127.0.0.1:7070");

    @Test
    void asksTheServerOffTheFxThreadAndShowsTheAnswerOnIt() {
        Queue<Runnable> serverCalls = new ArrayDeque<>();
        Queue<Runnable> fxThread = new ArrayDeque<>();
        AtomicInteger asked = new AtomicInteger();
        StatusViewModel model = new StatusViewModel(
                dev.concierge.console.Texts.english(),
                SERVER,
                () -> {
                    asked.incrementAndGet();
                    return health("ok", "1.2.3");
                },
                serverCalls::add,
                fxThread::add);

        model.refresh();
        assertEquals(0, asked.get(), "the caller's thread must not call the server");
        assertShows(model, ServerState.CONNECTING, "Connecting…");

        runAll(serverCalls);
        assertEquals(1, asked.get());
        assertShows(model, ServerState.CONNECTING, "Connecting…");

        runAll(fxThread);
        assertShows(model, ServerState.OK, "Server ok · version 1.2.3");
    }

    @Test
    void aClockBehindTheDatabaseIsWarnedAboutInTheConsolesWordsUntilTheServerSaysItIsRight() {
        Queue<Health> answers = new ArrayDeque<>();
        answers.add(withClock(new Health.ClockCheck(
                java.time.Instant.parse("2026-03-10T08:00:00Z"),
                false,
                java.time.Instant.parse("2026-03-10T09:59:00Z"),
                7_140L,
                "The system clock is 119 minutes behind …")));
        answers.add(withClock(null)); // a server out of reach: unknown, the warning stays
        answers.add(withClock(
                new Health.ClockCheck(java.time.Instant.parse("2026-03-10T10:00:00Z"), false, null, 0L, null)));
        StatusViewModel model = new StatusViewModel(
                dev.concierge.console.Texts.english(),
                SERVER,
                () -> {
                    Health next = answers.remove();
                    if (next.clock() == null) {
                        throw new UncheckedIOException(new ConnectException("refused"));
                    }
                    return next;
                },
                Runnable::run,
                Runnable::run);

        model.refresh();
        assertEquals(
                "The server’s clock looks wrong: it is 119 minutes behind the newest record it holds, so new bookings"
                        + " and messages get wrong times. Set the right date and time on the server’s computer"
                        + " (automatic time is best).",
                model.clockWarningProperty().get());
        model.refresh();
        assertEquals(ServerState.FAILED, model.getState());
        assertTrue(model.clockWarningProperty().get().startsWith("The server’s clock looks wrong"));
        model.refresh();
        assertEquals("", model.clockWarningProperty().get(), "the clock is right again");
    }

    private static Health withClock(Health.@org.jspecify.annotations.Nullable ClockCheck clock) {
        return new Health("ok", "1.0", "h2", Map.of(), Health.Outbox.EMPTY, null, null, clock);
    }

    @Test
    void showsAHealthyServersVersion() {
        StatusViewModel model = checked(() -> health("ok", "0.1.0"));

        assertShows(model, ServerState.OK, "Server ok · version 0.1.0");
    }

    @Test
    void showsADegradedServerWithItsVersion() {
        StatusViewModel model = checked(() -> health("degraded", "0.1.0"));

        assertShows(model, ServerState.DEGRADED, "Server degraded · version 0.1.0");
    }

    @Test
    void namesTheServerItCannotReach() {
        StatusViewModel model = checked(() -> {
            throw new UncheckedIOException("Cannot reach " + SERVER, new ConnectException());
        });

        assertShows(model, ServerState.FAILED, "Cannot reach http://127.0.0.1:7070");
    }

    @Test
    void showsTheServersErrorAnswer() {
        StatusViewModel model = checked(() -> {
            throw new ApiException(503, ApiError.of("unavailable", "Database is down"));
        });

        assertShows(
                model,
                ServerState.FAILED,
                "Server at http://127.0.0.1:7070 answered 503 unavailable: Database is down");
    }

    @Test
    void showsAnyOtherFailureWithTheServer() {
        StatusViewModel model = checked(() -> {
            throw new IllegalStateException("Interrupted");
        });

        assertShows(model, ServerState.FAILED, "Health check of http://127.0.0.1:7070 failed: Interrupted");
    }

    @Test
    void refreshAfterAFailureConnectsAgain() {
        AtomicInteger calls = new AtomicInteger();
        Queue<Runnable> serverCalls = new ArrayDeque<>();
        StatusViewModel model = new StatusViewModel(
                dev.concierge.console.Texts.english(),
                SERVER,
                () -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new UncheckedIOException("Cannot reach " + SERVER, new ConnectException());
                    }
                    return health("ok", "0.1.0");
                },
                serverCalls::add,
                Runnable::run);
        model.refresh();
        runAll(serverCalls);
        assertShows(model, ServerState.FAILED, "Cannot reach http://127.0.0.1:7070");

        model.refresh();
        assertShows(model, ServerState.CONNECTING, "Connecting…");
        runAll(serverCalls);
        assertShows(model, ServerState.OK, "Server ok · version 0.1.0");
    }

    @Test
    void aHealthyServerStaysShownWhileItIsAskedAgain() {
        Queue<Runnable> serverCalls = new ArrayDeque<>();
        StatusViewModel model = new StatusViewModel(
                dev.concierge.console.Texts.english(),
                SERVER,
                () -> health("ok", "0.1.0"),
                serverCalls::add,
                Runnable::run);
        model.refresh();
        runAll(serverCalls);

        model.refresh();
        model.refresh();

        assertShows(model, ServerState.OK, "Server ok · version 0.1.0");
        assertEquals(1, serverCalls.size(), "a check waiting for its answer is not asked twice");
    }

    @Test
    void namesTheServerItTalksTo() {
        StatusViewModel model = new StatusViewModel(
                dev.concierge.console.Texts.english(),
                SERVER,
                () -> health("ok", "0.1.0"),
                Runnable::run,
                Runnable::run);

        assertEquals("Server: http://127.0.0.1:7070", model.serverText());
    }

    private static StatusViewModel checked(Supplier<Health> healthCheck) {
        StatusViewModel model = new StatusViewModel(
                dev.concierge.console.Texts.english(), SERVER, healthCheck, Runnable::run, Runnable::run);
        model.refresh();
        return model;
    }

    private static Health health(String status, String version) {
        return new Health(status, version, "ok", Map.of(), Health.Outbox.EMPTY, null, null);
    }

    private static void runAll(Queue<Runnable> tasks) {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
    }

    private static void assertShows(StatusViewModel model, ServerState state, String text) {
        assertEquals(text, model.getStatusText());
        assertEquals(state, model.getState());
    }
}
