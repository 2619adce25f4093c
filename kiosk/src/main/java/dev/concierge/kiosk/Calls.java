package dev.concierge.kiosk;

import dev.concierge.api.ApiException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs the kiosk's calls to the server off the FX thread and hands the answer, or the failure, back on it. */
final class Calls {
    private final Executor background;
    private final Executor fxThread;

    /**
     * @param background where calls run, one after the other (a guest's turns stay in order); they block
     * @param fxThread where answers are shown; {@code Platform::runLater} in the app
     */
    Calls(Executor background, Executor fxThread) {
        this.background = background;
        this.fxThread = fxThread;
    }

    <T> void call(Supplier<T> request, Consumer<? super T> answered, Consumer<RuntimeException> failed) {
        background.execute(() -> {
            T answer;
            try {
                answer = request.get();
            } catch (RuntimeException e) {
                fxThread.execute(() -> failed.accept(e));
                return;
            }
            fxThread.execute(() -> answered.accept(answer));
        });
    }

    /** Shows something on the FX thread that arrived elsewhere (a live message). */
    void onFx(Runnable show) {
        fxThread.execute(show);
    }

    /** The server cannot be reached (down, or the network): the kiosk is out of service until it answers. */
    static boolean unreachable(RuntimeException failure) {
        return failure instanceof UncheckedIOException;
    }

    /** The server does not know this kiosk (never paired, or unpaired from the console). */
    static boolean unpaired(RuntimeException failure) {
        return failure instanceof ApiException e && (e.status() == 401 || e.status() == 403);
    }
}
