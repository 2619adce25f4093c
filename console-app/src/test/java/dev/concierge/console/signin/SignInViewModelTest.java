package dev.concierge.console.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiClient;
import dev.concierge.api.ApiError;
import dev.concierge.api.ApiException;
import dev.concierge.api.VenueProfile;
import dev.concierge.console.Connection;
import dev.concierge.console.Session;
import dev.concierge.console.signin.SignInViewModel.Phase;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInViewModelTest {
    private static final URI SERVER = URI.create("http://localhost:7070");
    private static final VenueProfile VENUE =
            new VenueProfile("Hotel Miramar", "Europe/Madrid", "EUR", List.of("en", "es"), null, null, null);

    @TempDir
    Path settings;

    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Queue<Runnable> fxThread = new ArrayDeque<>();
    private final AtomicReference<@Nullable Session> signedIn = new AtomicReference<>();
    private final AtomicReference<@Nullable Connection> firstRun = new AtomicReference<>();

    @Test
    void startsTheServerOffTheFxThreadThenAsksForEmailAndPassword() {
        SignInViewModel model = model(new Connection(SERVER, List.of()), acceptAny());

        model.connect();
        assertEquals(Phase.STARTING, model.getPhase());
        assertEquals("Starting the server…", model.progressProperty().get());
        assertFalse(model.canSignIn().get());

        runAll(background);
        assertEquals(Phase.STARTING, model.getPhase(), "shown on the FX thread only");
        runAll(fxThread);
        assertEquals(Phase.READY, model.getPhase());
        assertEquals("", model.progressProperty().get());
        assertEquals("Server: http://localhost:7070", model.serverTextProperty().get());
    }

    @Test
    void saysWhyTheServerDidNotStart() {
        SignInViewModel model = synchronous(() -> {
            throw new IllegalStateException("The server did not start: port 7070 is in use");
        });

        model.connect();

        assertEquals(Phase.START_FAILED, model.getPhase());
        assertEquals("The server did not start: port 7070 is in use", model.getProblem());
        assertFalse(model.canSignIn().get());
    }

    @Test
    void aFailedStartCanBeTriedAgain() {
        java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
        SignInViewModel model = synchronous(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("Cannot reach " + SERVER + ". Is it running?");
            }
            return new Connection(SERVER, List.of());
        });
        model.connect();
        assertEquals(Phase.START_FAILED, model.getPhase());

        model.retry();

        assertEquals(Phase.READY, model.getPhase());
        assertEquals("", model.getProblem());
        assertEquals(2, tries.get());
    }

    @Test
    void signsInOffTheFxThreadAndRemembersTheEmailButNeverThePassword() throws IOException {
        SignInViewModel model = readyModel(acceptAny());
        model.emailProperty().set("  desk@miramar.example ");
        model.passwordProperty().set("correct horse battery");

        model.signIn();
        assertEquals(Phase.SIGNING_IN, model.getPhase());
        assertEquals("Signing in…", model.progressProperty().get());
        assertFalse(model.canSignIn().get(), "no second sign-in while one is under way");
        runAll(background);
        runAll(fxThread);

        Session session = signedIn.get();
        assertEquals("desk@miramar.example", session == null ? null : session.email());
        assertEquals("", model.passwordProperty().get(), "the password is not kept once signed in");
        String file = Files.readString(settings.resolve(RememberedEmail.FILE));
        assertTrue(file.contains("desk@miramar.example"), file);
        assertFalse(file.contains("correct horse battery"), file);
        assertEquals(
                "desk@miramar.example", new RememberedEmail(settings).load().orElseThrow());
    }

    @Test
    void theRememberedEmailIsFilledInSoThePasswordIsAskedFirst() {
        new RememberedEmail(settings).save("ana@miramar.example");

        SignInViewModel model = readyModel(acceptAny());

        assertEquals("ana@miramar.example", model.emailProperty().get());
        assertTrue(model.isEmailRemembered());
    }

    @Test
    void aWrongPasswordSaysSoAndStaysOnSignIn() {
        SignInViewModel model = readyModel(refuse(401, "invalid_credentials", "The e-mail or password is not right."));
        model.emailProperty().set("desk@miramar.example");
        model.passwordProperty().set("wrong");

        model.signIn();
        runAll(background);
        runAll(fxThread);

        assertNull(signedIn.get());
        assertEquals(Phase.READY, model.getPhase());
        assertEquals("That e-mail and password do not match. Check them and try again.", model.getProblem());
        assertEquals("", model.passwordProperty().get(), "the wrong password is typed again");
        assertFalse(Files.exists(settings.resolve(RememberedEmail.FILE)), "a failed sign-in remembers nothing");
    }

    @Test
    void tooManyAttemptsSayWhenToTryAgain() {
        SignInViewModel model =
                readyModel(refuse(429, "too_many_requests", "Too many failed logins. Try again in 15 minutes."));
        model.emailProperty().set("desk@miramar.example");
        model.passwordProperty().set("wrong");

        model.signIn();
        runAll(background);
        runAll(fxThread);

        assertEquals("Too many failed logins. Try again in 15 minutes.", model.getProblem());
    }

    @Test
    void needsBothAnEmailAndAPassword() {
        SignInViewModel model = readyModel(acceptAny());

        model.emailProperty().set("desk@miramar.example");
        assertFalse(model.canSignIn().get());
        model.signIn();
        assertTrue(background.isEmpty(), "nothing is sent without a password");

        model.passwordProperty().set("x");
        assertTrue(model.canSignIn().get());
        model.emailProperty().set("  ");
        assertFalse(model.canSignIn().get());
    }

    @Test
    void anEndedSessionComesBackWithTheEmailFilledAndThePasswordEmpty() {
        SignInViewModel model = readyModel(acceptAny());
        model.emailProperty().set("desk@miramar.example");
        model.passwordProperty().set("secret");

        model.signedOut("Your session has ended.");

        assertEquals("desk@miramar.example", model.emailProperty().get());
        assertEquals("", model.passwordProperty().get());
        assertEquals("Your session has ended.", model.getProblem());
        assertEquals(Phase.READY, model.getPhase());
        assertTrue(model.isEmailRemembered());
    }

    @Test
    void showsTheDemoAccountsTheInProcessServerPrinted() {
        SignInViewModel model = model(
                new Connection(
                        SERVER, List.of(new Connection.DemoAccount("front_desk", "desk@miramar.example", "Pb5-nX1d"))),
                acceptAny());
        model.connect();
        runAll(background);
        runAll(fxThread);

        assertEquals(
                "Demo accounts (this start only):\nfront desk: desk@miramar.example / Pb5-nX1d", model.getDemoHint());
    }

    /** A model whose calls run at once, on the test's thread. */
    private SignInViewModel synchronous(java.util.concurrent.Callable<Connection> connect) {
        return new SignInViewModel(
                dev.concierge.console.Texts.english(),
                texts -> texts.get("signin.starting"),
                connect,
                acceptAny(),
                new RememberedEmail(settings),
                Runnable::run,
                Runnable::run,
                signedIn::set,
                firstRun::set);
    }

    private SignInViewModel readyModel(Login login) {
        SignInViewModel model = model(new Connection(SERVER, List.of()), login);
        model.connect();
        runAll(background);
        runAll(fxThread);
        return model;
    }

    @Test
    void aServerWithoutAccountsLeadsToTheFirstRun() {
        Connection fresh = new Connection(SERVER, List.of()).withOwnerNeeded(true);
        SignInViewModel model = model(fresh, acceptAny());

        model.connect();
        runAll(background);
        runAll(fxThread);

        assertEquals(fresh, firstRun.get());
        assertNull(signedIn.get());
    }

    private SignInViewModel model(Connection connection, Login login) {
        return new SignInViewModel(
                dev.concierge.console.Texts.english(),
                texts -> texts.get("signin.starting"),
                () -> connection,
                login,
                new RememberedEmail(settings),
                background::add,
                fxThread::add,
                signedIn::set,
                firstRun::set);
    }

    private static Login acceptAny() {
        return (connection, email, password) ->
                new Session(connection.server(), ApiClient.of(connection.server()), email, "Ana", "front_desk", VENUE);
    }

    private static Login refuse(int status, String code, String message) {
        return (connection, email, password) -> {
            throw new ApiException(status, ApiError.of(code, message));
        };
    }

    private static void runAll(Queue<Runnable> tasks) {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
    }
}
