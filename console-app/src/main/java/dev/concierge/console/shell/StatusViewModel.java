package dev.concierge.console.shell;

import dev.concierge.api.ApiException;
import dev.concierge.api.Health;
import dev.concierge.console.Texts;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;

/** What the status bar shows: the server the console talks to and its answer to a health check. */
public final class StatusViewModel {
    enum ServerState {
        CONNECTING,
        OK,
        DEGRADED,
        FAILED
    }

    /** @param clockWarning the clock's warning in words, "" when it looks right, null when the server did not say */
    private record Status(
            ServerState state, String text, @Nullable String clockWarning) {
        Status(ServerState state, String text) {
            this(state, text, null);
        }
    }

    private final Texts texts;
    private final URI server;
    private final Supplier<Health> healthCheck;
    private final Executor serverCalls;
    private final Executor fxThread;
    private final ReadOnlyObjectWrapper<ServerState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ServerState.CONNECTING);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper clockWarning = new ReadOnlyStringWrapper(this, "clockWarning", "");
    private boolean checking;

    /**
     * @param healthCheck asks the server for its health; it blocks, so it runs on {@code serverCalls}
     * @param fxThread where the answer is shown; {@code Platform::runLater} in the app
     */
    public StatusViewModel(
            Texts texts, URI server, Supplier<Health> healthCheck, Executor serverCalls, Executor fxThread) {
        this.texts = texts;
        statusText.set(texts.get("status.connecting"));
        this.server = server;
        this.healthCheck = healthCheck;
        this.serverCalls = serverCalls;
        this.fxThread = fxThread;
    }

    public String serverText() {
        return texts.get("signin.server", server);
    }

    /**
     * Asks the server for its health again, on the FX thread. A server that answered well stays shown as it was until
     * the new answer (the shell asks every few seconds); otherwise "Connecting…" shows meanwhile. A check still
     * waiting for its answer is not asked twice.
     */
    public void refresh() {
        if (checking) {
            return;
        }
        checking = true;
        if (state.get() != ServerState.OK && state.get() != ServerState.DEGRADED) {
            show(new Status(ServerState.CONNECTING, texts.get("status.connecting")));
        }
        serverCalls.execute(() -> {
            Status answer = checkHealth();
            fxThread.execute(() -> {
                checking = false;
                show(answer);
            });
        });
    }

    private Status checkHealth() {
        try {
            Health health = healthCheck.get();
            ServerState answered = "ok".equals(health.status()) ? ServerState.OK : ServerState.DEGRADED;
            return new Status(
                    answered, texts.get("status.health", health.status(), health.version()), clockWarning(health));
        } catch (ApiException e) {
            return new Status(ServerState.FAILED, texts.get("status.answered", server, e.getMessage()));
        } catch (UncheckedIOException e) {
            // ApiClient throws this when the call fails or the answer is not Concierge's JSON
            return new Status(ServerState.FAILED, texts.get("status.unreachable", server));
        } catch (RuntimeException e) {
            String reason =
                    Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
            return new Status(ServerState.FAILED, texts.get("status.failed", server, reason));
        }
    }

    /**
     * The server's clock set back (behind what the database already holds) gives bookings and messages wrong times:
     * said in the console's language, with how far behind it is.
     */
    private String clockWarning(Health health) {
        Health.ClockCheck clock = health.clock();
        if (clock == null || clock.warning() == null) {
            return "";
        }
        Long behind = clock.behindSeconds();
        return behind == null
                ? texts.get("status.clockWarning.unsure", clock.warning())
                : texts.get("status.clockWarning", Math.max(1, behind / 60));
    }

    private void show(Status status) {
        state.set(status.state());
        statusText.set(status.text());
        if (status.clockWarning() != null) {
            clockWarning.set(status.clockWarning()); // a server out of reach leaves the last warning standing
        }
    }

    /** What the banner over the screens says about the server's clock; "" when it looks right. */
    ReadOnlyStringProperty clockWarningProperty() {
        return clockWarning.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<ServerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ServerState getState() {
        return state.get();
    }

    ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    String getStatusText() {
        return statusText.get();
    }
}
