package dev.concierge.console.shell;

import dev.concierge.console.ServerCalls;
import dev.concierge.console.Session;
import dev.concierge.console.Texts;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** Who is signed in, which screen shows, and logging out. */
public final class ShellViewModel {
    private final Texts texts;
    private final Session session;
    private final Runnable logoutCall;
    private final ServerCalls calls;
    private final Consumer<String> signedOut;
    private final ObjectProperty<Screen> current = new SimpleObjectProperty<>(this, "current", Screen.TODAY);
    private final ReadOnlyBooleanWrapper signingOut = new ReadOnlyBooleanWrapper(this, "signingOut");

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

    public void show(Screen screen) {
        current.set(screen);
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
