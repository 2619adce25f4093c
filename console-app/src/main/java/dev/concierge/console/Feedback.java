package dev.concierge.console;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a screen (or one part of it) last said to staff: a notice when something was done, or a problem when it was
 * not. Saying one clears the other, so the two never contradict each other on screen.
 */
public final class Feedback {
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    public void done(String sentence) {
        problem.set("");
        notice.set(sentence);
    }

    public void failed(String sentence) {
        notice.set("");
        problem.set(sentence);
    }

    public void clear() {
        notice.set("");
        problem.set("");
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
