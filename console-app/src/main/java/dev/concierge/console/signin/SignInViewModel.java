package dev.concierge.console.signin;

import dev.concierge.api.ApiException;
import dev.concierge.console.Connection;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.Session;
import dev.concierge.console.Texts;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/**
 * The first screen: the server starting (or being looked for), then e-mail and password. The e-mail that signed in
 * last is filled in; the password is held only until the sign-in answers.
 */
public final class SignInViewModel {

    /** Where the screen is. */
    public enum Phase {
        STARTING,
        START_FAILED,
        READY,
        SIGNING_IN
    }

    private Texts texts;
    private final java.util.function.Function<Texts, String> startingText;
    private final Callable<Connection> connect;
    private final Login login;
    private final RememberedEmail remembered;
    private final Executor background;
    private final Executor fxThread;
    private final Consumer<Session> signedIn;
    private final Consumer<Connection> ownerNeeded;

    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.STARTING);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper serverText = new ReadOnlyStringWrapper(this, "serverText", "");
    private final ReadOnlyStringWrapper demoHint = new ReadOnlyStringWrapper(this, "demoHint", "");
    private final ReadOnlyBooleanWrapper emailRemembered = new ReadOnlyBooleanWrapper(this, "emailRemembered");
    private final BooleanBinding canSignIn;
    private @Nullable Connection connection;

    /**
     * @param texts the words of the screen, in the console's language
     * @param startingText what shows while {@code connect} works, e.g. "Starting the server…", in the given words
     * @param connect starts the in-process server or checks the one named; it blocks, so it runs on {@code background};
     *     its exception's message says why it failed
     * @param signedIn what a successful sign-in leads to, on the FX thread
     * @param ownerNeeded what a server without accounts leads to (the first run), on the FX thread
     */
    public SignInViewModel(
            Texts texts,
            java.util.function.Function<Texts, String> startingText,
            Callable<Connection> connect,
            Login login,
            RememberedEmail remembered,
            Executor background,
            Executor fxThread,
            Consumer<Session> signedIn,
            Consumer<Connection> ownerNeeded) {
        this.texts = texts;
        this.startingText = startingText;
        this.connect = connect;
        this.login = login;
        this.remembered = remembered;
        this.background = background;
        this.fxThread = fxThread;
        this.signedIn = signedIn;
        this.ownerNeeded = ownerNeeded;
        remembered.load().ifPresent(this::rememberedEmail);
        canSignIn = Bindings.createBooleanBinding(
                () -> phase.get() == Phase.READY
                        && !email.get().isBlank()
                        && !password.get().isEmpty(),
                phase,
                email,
                password);
    }

    private void rememberedEmail(String address) {
        email.set(address);
        emailRemembered.set(true);
    }

    /** Starts (or finds) the server off the FX thread; call once, on the FX thread. */
    public void connect() {
        phase.set(Phase.STARTING);
        progress.set(startingText.apply(texts));
        problem.set("");
        background.execute(() -> {
            try {
                Connection ready = connect.call();
                fxThread.execute(() -> connected(ready));
            } catch (Exception e) {
                String reason =
                        Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
                fxThread.execute(() -> startFailed(reason));
            }
        });
    }

    private void connected(Connection ready) {
        connection = ready;
        describe(ready);
        progress.set("");
        phase.set(Phase.READY);
        if (ready.ownerNeeded()) {
            ownerNeeded.accept(ready);
        }
    }

    private void describe(Connection ready) {
        serverText.set(texts.get("signin.server", ready.server()));
        demoHint.set(
                ready.demoAccounts().isEmpty()
                        ? ""
                        : texts.get("signin.demo") + "\n"
                                + ready.demoAccounts().stream()
                                        .map(a ->
                                                texts.get("role." + a.role()) + ": " + a.email() + " / " + a.password())
                                        .collect(Collectors.joining("\n")));
    }

    /**
     * The screen's words in another language (the header's switch): what it shows now is said again in them; a
     * problem already shown stays as it was said.
     */
    public void speak(Texts words) {
        texts = words;
        Connection ready = connection;
        if (ready != null) {
            describe(ready);
        }
        switch (phase.get()) {
            case STARTING -> progress.set(startingText.apply(texts));
            case SIGNING_IN -> progress.set(texts.get("signin.signingIn"));
            default -> {}
        }
    }

    public Texts texts() {
        return texts;
    }

    private void startFailed(String reason) {
        progress.set("");
        problem.set(reason);
        phase.set(Phase.START_FAILED);
    }

    /** Starts (or looks for) the server again after it failed, e.g. once the main desk's PC is up. */
    public void retry() {
        if (phase.get() == Phase.START_FAILED) {
            connect();
        }
    }

    /** Signs in with the e-mail and password typed; does nothing unless {@link #canSignIn()}. */
    public void signIn() {
        Connection server = connection;
        if (!canSignIn.get() || server == null) {
            return;
        }
        String typedEmail = email.get().strip();
        String typedPassword = password.get();
        phase.set(Phase.SIGNING_IN);
        progress.set(texts.get("signin.signingIn"));
        problem.set("");
        background.execute(() -> {
            try {
                Session session = login.signIn(server, typedEmail, typedPassword);
                fxThread.execute(() -> succeeded(session));
            } catch (RuntimeException e) {
                fxThread.execute(() -> failed(e));
            }
        });
    }

    private void succeeded(Session session) {
        password.set("");
        progress.set("");
        problem.set("");
        phase.set(Phase.READY);
        try {
            remembered.save(session.email());
            emailRemembered.set(true);
        } catch (dev.concierge.console.ConsoleSettings.NotWritten notWritten) {
            // signed in all the same; the next sign-in just asks for the e-mail again
        }
        signedIn.accept(session);
    }

    private void failed(RuntimeException e) {
        password.set(""); // typed again, not corrected: the field hides what is in it
        progress.set("");
        phase.set(Phase.READY);
        // a 429 reads well as the server writes it: "Too many failed logins. Try again in 15 minutes."
        problem.set(
                e instanceof ApiException api && api.status() == 401
                        ? texts.get("signin.mismatch")
                        : ServerCalls.plainWords(e, texts));
    }

    /** Back to this screen after a logout or an ended session: the e-mail stays, the password is asked again. */
    public void signedOut(String why) {
        password.set("");
        progress.set("");
        problem.set(why);
        emailRemembered.set(!email.get().isBlank());
        phase.set(connection != null ? Phase.READY : Phase.STARTING);
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public Phase getPhase() {
        return phase.get();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String getProblem() {
        return problem.get();
    }

    public ReadOnlyStringProperty serverTextProperty() {
        return serverText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty demoHintProperty() {
        return demoHint.getReadOnlyProperty();
    }

    public String getDemoHint() {
        return demoHint.get();
    }

    /** When the e-mail is filled in already, the password field is where typing starts. */
    public ReadOnlyBooleanProperty emailRememberedProperty() {
        return emailRemembered.getReadOnlyProperty();
    }

    public boolean isEmailRemembered() {
        return emailRemembered.get();
    }

    public BooleanBinding canSignIn() {
        return canSignIn;
    }
}
