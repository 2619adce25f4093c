package dev.concierge.console.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiClient;
import dev.concierge.api.ApiError;
import dev.concierge.api.ApiException;
import dev.concierge.api.VenueProfile;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.Session;
import dev.concierge.console.UnsavedChanges;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {
    private static final URI SERVER = URI.create("http://localhost:7070");
    private static final Session SESSION = new Session(
            SERVER,
            ApiClient.of(SERVER),
            "desk@miramar.example",
            "Front Desk",
            "front_desk",
            new VenueProfile("Hotel Miramar", "Europe/Madrid", "EUR", List.of("en"), null, null, null));

    private final List<String> signedOut = new ArrayList<>();
    private final AtomicInteger sessionsEnded = new AtomicInteger();
    private final ServerCalls calls = new ServerCalls(Runnable::run, Runnable::run, sessionsEnded::incrementAndGet);

    @Test
    void namesWhoIsSignedInAndTheirRole() {
        ShellViewModel model =
                new ShellViewModel(dev.concierge.console.Texts.english(), SESSION, () -> {}, calls, signedOut::add);

        assertEquals("Front Desk", model.userName());
        assertEquals("front desk · desk@miramar.example", model.userDetail());
        assertEquals("Hotel Miramar", model.venueName());
        assertEquals(
                List.of(
                        Screen.TODAY,
                        Screen.ORDERS,
                        Screen.INBOX,
                        Screen.BOOKINGS,
                        Screen.GUESTS,
                        Screen.KNOWLEDGE,
                        Screen.SYNC),
                model.screens(),
                "the front desk is not shown the reports and settings its role may not read");
        assertEquals("Ctrl+3", Screen.INBOX.shortcut());
        assertEquals("Ctrl+4", Screen.BOOKINGS.shortcut());
        assertEquals(Screen.TODAY, model.getCurrent());
        assertEquals("Ctrl+2", Screen.ORDERS.shortcut());
    }

    @Test
    void managersSeeEveryScreen() {
        Session manager = new Session(
                SESSION.server(), SESSION.client(), "boss@miramar.example", "Boss", "manager", SESSION.venue());

        assertEquals(
                List.of(Screen.values()),
                new ShellViewModel(dev.concierge.console.Texts.english(), manager, () -> {}, calls, signedOut::add)
                        .screens());
    }

    @Test
    void logoutEndsTheSessionAtTheServerThenGoesBackToSignIn() {
        AtomicInteger loggedOut = new AtomicInteger();
        ShellViewModel model = new ShellViewModel(
                dev.concierge.console.Texts.english(), SESSION, loggedOut::incrementAndGet, calls, signedOut::add);

        model.logout();

        assertEquals(1, loggedOut.get());
        assertEquals(List.of("You have signed out."), signedOut);
    }

    @Test
    void logoutForgetsTheSessionEvenWhenTheServerCannotBeReached() {
        ShellViewModel model = new ShellViewModel(
                dev.concierge.console.Texts.english(),
                SESSION,
                () -> {
                    throw new UncheckedIOException("Cannot reach " + SERVER, new ConnectException());
                },
                calls,
                signedOut::add);

        model.logout();

        assertEquals(List.of("You have signed out."), signedOut);
    }

    @Test
    void aSessionTheServerNoLongerKnowsEndsAsAnyOther401() {
        ShellViewModel model = new ShellViewModel(
                dev.concierge.console.Texts.english(),
                SESSION,
                () -> {
                    throw new ApiException(401, ApiError.of("unauthenticated", "Log in first."));
                },
                calls,
                signedOut::add);

        model.logout();

        assertEquals(1, sessionsEnded.get());
    }

    @Test
    void leavingAScreenWithUnsavedEditsAsksAndKeepEditingStaysOnIt() {
        ShellViewModel model =
                new ShellViewModel(dev.concierge.console.Texts.english(), SESSION, () -> {}, calls, signedOut::add);
        javafx.beans.property.SimpleBooleanProperty edited = new javafx.beans.property.SimpleBooleanProperty(true);
        AtomicInteger discarded = new AtomicInteger();
        UnsavedChanges form = new UnsavedChanges(edited, () -> {
            discarded.incrementAndGet();
            edited.set(false);
        });
        model.guard(form);
        model.show(Screen.BOOKINGS);
        assertEquals(Screen.TODAY, model.getCurrent(), "not left before the answer");
        assertSame(form, model.askingProperty().get());
        assertTrue(model.hasUnsavedChanges());

        model.keepEditing();

        assertEquals(Screen.TODAY, model.getCurrent());
        assertNull(model.askingProperty().get());
        assertEquals(0, discarded.get(), "the edits stay");
        assertTrue(edited.get());

        model.show(Screen.GUESTS);
        model.discardChanges();

        assertEquals(Screen.GUESTS, model.getCurrent());
        assertEquals(1, discarded.get());
        assertNull(model.askingProperty().get());
        assertFalse(model.hasUnsavedChanges());
        model.show(Screen.ORDERS);
        assertEquals(Screen.ORDERS, model.getCurrent(), "nothing left to lose: no question");
    }

    @Test
    void loggingOutWithUnsavedEditsAsksFirst() {
        AtomicInteger loggedOut = new AtomicInteger();
        ShellViewModel model = new ShellViewModel(
                dev.concierge.console.Texts.english(), SESSION, loggedOut::incrementAndGet, calls, signedOut::add);
        javafx.beans.property.SimpleBooleanProperty edited = new javafx.beans.property.SimpleBooleanProperty(true);
        model.guard(new UnsavedChanges(edited, () -> edited.set(false)));

        model.logout();
        assertEquals(0, loggedOut.get());
        assertTrue(signedOut.isEmpty());
        model.keepEditing();
        model.logout();
        model.discardChanges();

        assertEquals(1, loggedOut.get());
        assertEquals(List.of("You have signed out."), signedOut);
    }
}
