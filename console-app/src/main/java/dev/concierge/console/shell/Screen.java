package dev.concierge.console.shell;

/**
 * The screens the shell navigates between, in the navigation's order. Each keeps its own shortcut digit (Ctrl+1,
 * Ctrl+2, …), so a screen added between two others does not move anyone's keys.
 */
public enum Screen {
    TODAY("Today", 1),
    ORDERS("Orders", 2),
    INBOX("Inbox", 3),
    BOOKINGS("Bookings", 4);

    private final String title;
    private final int digit;

    Screen(String title, int digit) {
        this.title = title;
        this.digit = digit;
    }

    public String title() {
        return title;
    }

    /** The digit of its shortcut, 1 to 9. */
    public int digit() {
        return digit;
    }

    /** "Ctrl+1" for the first screen. */
    public String shortcut() {
        return "Ctrl+" + digit;
    }
}
