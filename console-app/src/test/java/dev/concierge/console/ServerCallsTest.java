package dev.concierge.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiError;
import dev.concierge.api.ApiException;
import dev.concierge.api.InvalidFieldsException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServerCallsTest {
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Queue<Runnable> fxThread = new ArrayDeque<>();
    private final AtomicInteger sessionsEnded = new AtomicInteger();
    private final List<String> answers = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final ServerCalls calls = new ServerCalls(background::add, fxThread::add, sessionsEnded::incrementAndGet);

    @Test
    void callsOffTheFxThreadAndAnswersOnIt() {
        AtomicInteger asked = new AtomicInteger();
        calls.call(() -> "answer " + asked.incrementAndGet(), answers::add, problems::add);
        assertEquals(0, asked.get(), "the caller's thread must not call the server");

        runAll(background);
        assertEquals(1, asked.get());
        assertTrue(answers.isEmpty(), "the answer is shown on the FX thread only");

        runAll(fxThread);
        assertEquals(List.of("answer 1"), answers);
    }

    @Test
    void a401EndsTheSessionInsteadOfShowingAProblem() {
        calls.<String>call(
                () -> {
                    throw new ApiException(401, ApiError.of("unauthenticated", "Log in first."));
                },
                answers::add,
                problems::add);
        runAll(background);
        runAll(fxThread);

        assertEquals(1, sessionsEnded.get());
        assertTrue(problems.isEmpty());
        assertTrue(answers.isEmpty());
    }

    @Test
    void aConflictIsShownInTheServersWords() {
        failWith(new ApiException(
                409, ApiError.of("illegal_transition", "An order that is delivered cannot become accepted.")));

        assertEquals(List.of("An order that is delivered cannot become accepted."), problems);
        assertEquals(0, sessionsEnded.get());
    }

    @Test
    void refusedFieldsAreNamed() {
        failWith(new ApiException(
                400, ApiError.withFields("invalid", "Invalid roomNumber", Map.of("roomNumber", "is not a room"))));

        assertEquals(List.of("Invalid roomNumber (roomNumber is not a room)"), problems);
    }

    @Test
    void anUnreachableServerIsNamed() {
        failWith(new UncheckedIOException("Cannot reach http://127.0.0.1:1", new ConnectException()));

        assertEquals(List.of("Cannot reach http://127.0.0.1:1. Is it running?"), problems);
    }

    @Test
    void whatWentWrongOnThisPcIsSaidInSpanishToASpanishDesk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home)
            throws java.io.IOException {
        Texts spanish = new Texts(UiLanguage.ES);
        // a settings directory that is a file: nothing can be written under it
        java.nio.file.Path blocked = java.nio.file.Files.writeString(home.resolve("settings"), "");
        RuntimeException notWritten = org.junit.jupiter.api.Assertions.assertThrows(
                ConsoleSettings.NotWritten.class, () -> new ConsoleSettings(blocked).put("language", "es"));

        assertEquals(
                "No se puede escribir " + blocked.resolve(ConsoleSettings.FILE)
                        + ". ¿Está lleno el disco o la carpeta es de solo lectura?",
                ServerCalls.plainWords(notWritten, spanish));
        assertEquals(
                "No se puede conectar con http://127.0.0.1:1. ¿Está en marcha?",
                ServerCalls.plainWords(
                        new UncheckedIOException("Cannot reach http://127.0.0.1:1", new ConnectException()), spanish));
        assertEquals(
                "No se puede guardar /tmp/guests.xlsx.",
                ServerCalls.plainWords(
                        new UncheckedIOException(
                                "Cannot save /api/staff/contacts.xlsx from http://127.0.0.1:1 to /tmp/guests.xlsx",
                                new java.io.IOException("disk full")),
                        spanish));
    }

    @Test
    void aFailingServerSaysItFailed() {
        failWith(new ApiException(500, ApiError.of("internal", "Unexpected failure (request abc).")));

        assertEquals(List.of("The server could not do it: Unexpected failure (request abc)."), problems);
    }

    @Test
    void aRequestThatCannotExistNamesItsFields() {
        failWith(InvalidFieldsException.of("status", "is not an order status"));

        assertEquals(List.of("Check status is not an order status."), problems);
    }

    private void failWith(RuntimeException failure) {
        calls.<String>call(
                () -> {
                    throw failure;
                },
                answers::add,
                problems::add);
        runAll(background);
        runAll(fxThread);
    }

    static void runAll(Queue<Runnable> tasks) {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
    }
}
