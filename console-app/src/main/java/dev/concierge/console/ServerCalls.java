package dev.concierge.console;

import dev.concierge.api.ApiError;
import dev.concierge.api.ApiException;
import dev.concierge.api.InvalidFieldsException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs a signed-in screen's calls to the server off the FX thread and hands the answer, or a sentence saying what went
 * wrong, back on it. A 401 means the session is over (expired or revoked): the console goes back to sign-in.
 */
public final class ServerCalls {
    private final Executor background;
    private final Executor fxThread;
    private final Runnable sessionEnded;
    private final Texts texts;

    /**
     * @param background where calls run; they block
     * @param fxThread where answers are shown; {@code Platform::runLater} in the app
     * @param sessionEnded what a 401 does, on the FX thread
     */
    public ServerCalls(Executor background, Executor fxThread, Runnable sessionEnded) {
        this(background, fxThread, sessionEnded, Texts.english());
    }

    /** @param texts the language of the sentences saying what went wrong */
    public ServerCalls(Executor background, Executor fxThread, Runnable sessionEnded, Texts texts) {
        this.background = background;
        this.fxThread = fxThread;
        this.sessionEnded = sessionEnded;
        this.texts = texts;
    }

    /** Calls {@code request} off the FX thread, then {@code answered} or {@code failed} on it (a 401: neither). */
    public <T> void call(Supplier<T> request, Consumer<? super T> answered, Consumer<String> failed) {
        attempt(request, answered, refusal -> failed.accept(plainWords(refusal, texts)));
    }

    /**
     * Like {@link #call}, but a refusal reaches {@code refused} as it was thrown, for a screen that shows more of it
     * than a sentence (the fields of a 400, the alternatives of a 409). A 401 still ends the session.
     */
    public <T> void attempt(Supplier<T> request, Consumer<? super T> answered, Consumer<RuntimeException> refused) {
        background.execute(() -> {
            T answer;
            try {
                answer = request.get();
            } catch (ApiException e) {
                fxThread.execute(e.status() == 401 ? sessionEnded : () -> refused.accept(e));
                return;
            } catch (RuntimeException e) {
                fxThread.execute(() -> refused.accept(e));
                return;
            }
            fxThread.execute(() -> answered.accept(answer));
        });
    }

    /** Shows something on the FX thread from a call under way (a download's progress). */
    public void onFx(Runnable show) {
        fxThread.execute(show);
    }

    /** A call that answers nothing, e.g. a logout. */
    public void run(Runnable request, Runnable done, Consumer<String> failed) {
        call(
                () -> {
                    request.run();
                    return Boolean.TRUE;
                },
                ignored -> done.run(),
                failed);
    }

    /** {@link #plainWords(RuntimeException, Texts)} in English. */
    public static String plainWords(RuntimeException failure) {
        return plainWords(failure, Texts.english());
    }

    /**
     * What went wrong, for a person at the desk: the server's own message (its error contract writes them for people,
     * in English), the fields it refused, or that it cannot be reached; the console's own framing in its language.
     */
    public static String plainWords(RuntimeException failure, Texts texts) {
        if (failure instanceof ApiException e) {
            ApiError.Detail error = e.error().error();
            String fields = fields(error.fields());
            return e.status() >= 500
                    ? texts.get("error.server", error.message())
                    : error.message() + (fields.isEmpty() ? "" : " (" + fields + ")");
        }
        if (failure instanceof InvalidFieldsException e) {
            return texts.get("error.check", fields(e.fields()));
        }
        if (failure instanceof ConsoleSettings.NotWritten e) {
            return texts.get("error.notWritten", e.file());
        }
        if (failure instanceof UncheckedIOException) {
            // ApiClient says which server: "Cannot reach http://…"
            String message = Objects.requireNonNullElse(failure.getMessage(), "");
            if (message.isEmpty()) {
                return texts.get("error.unreachable.any");
            }
            if (message.startsWith(UNREACHABLE)) {
                return texts.get("error.unreachable", message.substring(UNREACHABLE.length()));
            }
            // ApiClient's download: "Cannot save /api/… from http://… to /home/…/file.xlsx"
            int to = message.lastIndexOf(SAVE_TARGET);
            if (message.startsWith(NOT_SAVED) && to > 0) {
                return texts.get("error.notSaved", message.substring(to + SAVE_TARGET.length()));
            }
            return texts.get("error.io", message);
        }
        return texts.get(
                "error.other",
                Objects.requireNonNullElse(
                        failure.getMessage(), failure.getClass().getSimpleName()));
    }

    // ApiClient's sentences (api module, English by contract), recognised here to be said in the console's language
    private static final String UNREACHABLE = "Cannot reach ";
    private static final String NOT_SAVED = "Cannot save ";
    private static final String SAVE_TARGET = " to ";

    private static String fields(@org.jspecify.annotations.Nullable Map<String, String> fields) {
        if (fields == null) {
            return "";
        }
        return fields.entrySet().stream()
                .map(field -> field.getKey() + " " + field.getValue())
                .collect(Collectors.joining("; "));
    }
}
