package dev.concierge.kiosk;

/** Reads text aloud for the accessibility mode; replaceable in tests. Calls return at once (speech runs elsewhere). */
interface Speech {
    /** Says {@code text} in {@code language}, cutting off whatever was still being said. */
    void say(String text, Language language);

    /** Stops speaking now (the guest left, or turned the mode off). */
    void stop();
}
