package dev.concierge.console.shell;

import dev.concierge.console.ServerCalls;
import dev.concierge.console.Session;
import dev.concierge.console.Texts;
import dev.concierge.console.UnsavedChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.jspecify.annotations.Nullable;

/**
 * Who is signed in, which screen shows, and logging out. Leaving a screen whose form holds unsaved edits (another
 * screen, the window closing, a switch of language, logging out) asks "Discard your changes?" first.
 */
public final class ShellViewModel {
    private final Texts texts;
    private final Session session;
    private final Runnable logoutCall;
    private final ServerCalls calls;
    private final Consumer<String> signedOut;
    private final ObjectProperty<Screen> current = new SimpleObjectProperty<>(this, "current", Screen.TODAY);
    private final ReadOnlyBooleanWrapper signingOut = new ReadOnlyBooleanWrapper(this, "signingOut");
    private final List<UnsavedChanges> guards = new ArrayList<>();
    private final ReadOnlyObjectWrapper<@Nullable UnsavedChanges> asking = new ReadOnlyObjectWrapper<>(this, "asking");

    /**
     * @param logoutCall {@code POST /api/staff/logout} with the session's token; it blocks
     * @param signedOut back to sign-in, with a sentence saying why; on the FX thread
     */
    public ShellViewModel(
            Texts texts, Session session, Runnable logoutCall, ServerCalls calls, Consumer<String> signedOut) {
        this.texts = texts;
        this.session = session;
        this.logoutCall = logoutCall;
        this.calls = calls;
        this.signedOut = signedOut;
    }

    /** The screens the signed-in role may use, in the navigation's order. */
    public List<Screen> screens() {
        boolean manager = !session.role().equals("front_desk");
        return java.util.Arrays.stream(Screen.values())
                .filter(screen -> manager || !screen.managersOnly())
                .toList();
    }

    public ObjectProperty<Screen> currentProperty() {
        return current;
    }

    public Screen getCurrent() {
        return current.get();
    }

    /** Shows {@code screen}; with unsaved edits on the screen showing, asks first. */
    public void show(Screen screen) {
        if (screen == current.get()) {
            return;
        }
        leaving(() -> current.set(screen));
    }

    /**
     * A screen's unsaved edits, guarded from now on: leaving the screen asks first, and so does anything the screen
     * itself asks through {@code changes} (another row chosen).
     */
    public void guard(UnsavedChanges changes) {
        guards.add(changes);
        changes.askingProperty().addListener((observable, before, now) -> {
            if (now) {
                asking.set(changes);
            } else if (asking.get() == changes) {
                asking.set(null);
            }
        });
    }

    /** Does {@code then} at once when no screen holds unsaved edits, else once they are discarded. */
    public void leaving(Runnable then) {
        guards.stream()
                .filter(UnsavedChanges::isChanged)
                .findFirst()
                .ifPresentOrElse(changes -> changes.whenDiscarded(then), then);
    }

    /** Whether a screen holds edits nobody saved (the window asks before it closes). */
    public boolean hasUnsavedChanges() {
        return guards.stream().anyMatch(UnsavedChanges::isChanged);
    }

    /** The edits "Discard your changes?" is asked about now; null while nothing is asked. */
    public ReadOnlyObjectProperty<@Nullable UnsavedChanges> askingProperty() {
        return asking.getReadOnlyProperty();
    }

    /** "Keep editing": nothing happens, the edits stay where they are. */
    public void keepEditing() {
        UnsavedChanges changes = asking.get();
        if (changes != null) {
            changes.keepEditing();
        }
    }

    /** "Discard": the edits go, and what was asked for happens. */
    public void discardChanges() {
        UnsavedChanges changes = asking.get();
        if (changes != null) {
            changes.discard();
        }
    }

    public String userName() {
        return session.name();
    }

    /** "front desk · ana@miramar.example" */
    public String userDetail() {
        return texts.get("role." + session.role()) + " · " + session.email();
    }

    /** The words of the shell, in the console's language. */
    public Texts texts() {
        return texts;
    }

    public String venueName() {
        return session.venue().name();
    }

    /**
     * Ends the session at the server ({@code POST /api/staff/logout}) and goes back to sign-in. The console forgets
     * the token even when the server cannot be reached.
     */
    public void logout() {
        if (signingOut.get()) {
            return;
        }
        leaving(this::endSession);
    }

    private void endSession() {
        signingOut.set(true);
        calls.run(logoutCall, this::done, unreachable -> done());
    }

    private void done() {
        signingOut.set(false);
        signedOut.accept(texts.get("shell.signedOut"));
    }

    public ReadOnlyBooleanProperty signingOutProperty() {
        return signingOut.getReadOnlyProperty();
    }
}
