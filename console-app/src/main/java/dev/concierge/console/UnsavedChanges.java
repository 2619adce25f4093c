package dev.concierge.console;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.jspecify.annotations.Nullable;

/**
 * A screen's edits nobody saved yet, and the question "Discard your changes?" asked before something would lose them:
 * going to another screen, closing the window, choosing another row. Keep editing leaves everything as it was;
 * Discard throws the edits away and then does what was asked. The shell shows the question (one for every screen).
 */
public final class UnsavedChanges {
    private final ObservableBooleanValue changed;
    private final Runnable discard;
    private final ReadOnlyBooleanWrapper asking = new ReadOnlyBooleanWrapper(this, "asking");
    private @Nullable Runnable then;

    /**
     * @param changed whether the screen holds edits nobody saved
     * @param discard throws them away (closes the form, puts the texts back)
     */
    public UnsavedChanges(ObservableBooleanValue changed, Runnable discard) {
        this.changed = changed;
        this.discard = discard;
    }

    /** Does {@code action} at once when nothing would be lost, else asks first; a second request replaces the first. */
    public void whenDiscarded(Runnable action) {
        if (!changed.get()) {
            action.run();
            return;
        }
        then = action;
        asking.set(true);
    }

    /** "Keep editing": the request is dropped, the edits stay. */
    public void keepEditing() {
        then = null;
        asking.set(false);
    }

    /** "Discard": the edits go, then the request is done. */
    public void discard() {
        Runnable next = then;
        then = null;
        asking.set(false);
        discard.run();
        if (next != null) {
            next.run();
        }
    }

    public boolean isChanged() {
        return changed.get();
    }

    public ObservableBooleanValue changedProperty() {
        return changed;
    }

    /** Whether "Discard your changes?" is waiting for an answer. */
    public ReadOnlyBooleanProperty askingProperty() {
        return asking.getReadOnlyProperty();
    }

    public boolean isAsking() {
        return asking.get();
    }
}
