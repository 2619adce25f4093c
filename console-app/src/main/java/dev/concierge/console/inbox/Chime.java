package dev.concierge.console.inbox;

import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;

/** The short sound of a guest newly waiting for a person; an interface so a test hears it without a speaker. */
@FunctionalInterface
public interface Chime {

    void ring();

    /**
     * The system beep (JavaFX here has no media module). Nothing on a headless machine, and nothing when the desk PC
     * has no sound: a missing beep must never stop the inbox.
     */
    static Chime systemBeep() {
        return () -> {
            if (GraphicsEnvironment.isHeadless()) {
                return;
            }
            try {
                Toolkit.getDefaultToolkit().beep();
            } catch (RuntimeException | Error noSound) {
                // AWTError or HeadlessException: the badge still says it
            }
        };
    }
}
