package dev.concierge.console.shell;

/**
 * The screens the shell navigates between, in the navigation's order. Each keeps its own shortcut digit (Ctrl+1,
 * Ctrl+2, …), so a screen added between two others does not move anyone's keys. Some are for managers and owners
 * only, as the server's routes behind them are.
 */
public enum Screen {
    TODAY("Today", 1, false),
    ORDERS("Orders", 2, false),
    INBOX("Inbox", 3, false),
    BOOKINGS("Bookings", 4, false),
    GUESTS("Guests", 5, false),
    KNOWLEDGE("Knowledge", 6, false),
    REPORTS("Reports", 7, true),
    SYNC("Sync", 8, false),
    SETTINGS("Settings", 9, true);

    private final String title;
    private final int digit;
    private final boolean managersOnly;

    Screen(String title, int digit, boolean managersOnly) {
        this.title = title;
        this.digit = digit;
        this.managersOnly = managersOnly;
    }

    /** Whether only a manager or the owner sees it (the front desk's role would be refused its calls). */
    public boolean managersOnly() {
        return managersOnly;
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
