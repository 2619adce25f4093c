package dev.concierge.console.shell;

import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.Node;
import org.jspecify.annotations.Nullable;

/**
 * One screen of the shell: its view, and how to ask the server again (every few seconds while it shows).
 *
 * @param badge a count the navigation shows next to the screen's name while it is above zero (the inbox's guests
 *     waiting for a person); null for none
 */
public record Page(
        Screen screen,
        Node view,
        Runnable refresh,
        @Nullable ObservableIntegerValue badge) {

    public Page(Screen screen, Node view, Runnable refresh) {
        this(screen, view, refresh, null);
    }
}
