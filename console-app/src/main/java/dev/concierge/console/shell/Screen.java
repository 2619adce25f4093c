package dev.concierge.console.shell;

/**
 * The screens the shell navigates between, in the navigation's order. Each keeps its own shortcut digit (Ctrl+1,
 * Ctrl+2, …), so a screen added between two others does not move anyone's keys. Some are for managers and owners
 * only, as the server's routes behind them are.
 */
public enum Screen {
    TODAY(1, false),
    ORDERS(2, false),
    INBOX(3, false),
    BOOKINGS(4, false),
    GUESTS(5, false),
    KNOWLEDGE(6, false),
    REPORTS(7, true),
    SYNC(8, false),
    SETTINGS(9, true);

    private final int digit;
    private final boolean managersOnly;

    Screen(int digit, boolean managersOnly) {
        this.digit = digit;
        this.managersOnly = managersOnly;
    }

    /** Whether only a manager or the owner sees it (the front desk's role would be refused its calls). */
    public boolean managersOnly() {
        return managersOnly;
    }

    /** The screen's name in the navigation, in the words of {@code texts} ({@code screen.today}, …). */
    public String title(dev.concierge.console.Texts texts) {
        return texts.get(titleKey());
    }

    /** {@code screen.today}: the key of its name in the console's messages. */
    public String titleKey() {
        return "screen." + name().toLowerCase(java.util.Locale.ROOT);
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
