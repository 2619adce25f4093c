package dev.concierge.console.shell;

import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.Node;
import org.jspecify.annotations.Nullable;

/**
 * One screen of the shell: its view, and how to ask the server again (every few seconds while it shows).
 *
 * @param badge a count the navigation shows next to the screen's name while it is above zero (the inbox's guests
 *     waiting for a person); null for none
 * @param keys the screen's own keyboard shortcuts, for the help overlay (F1); empty for none
 */
public record Page(
        Screen screen,
        Node view,
        Runnable refresh,
        @Nullable ObservableIntegerValue badge,
        String keys) {

    public Page(Screen screen, Node view, Runnable refresh) {
        this(screen, view, refresh, null, "");
    }

    public Page(Screen screen, Node view, Runnable refresh, @Nullable ObservableIntegerValue badge) {
        this(screen, view, refresh, badge, "");
    }

    /** This page with its shortcuts listed in the help overlay, e.g. "Enter: next step · C: cancel". */
    public Page withKeys(String shortcuts) {
        return new Page(screen, view, refresh, badge, shortcuts);
    }
}
