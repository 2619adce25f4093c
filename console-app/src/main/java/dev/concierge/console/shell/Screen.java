package dev.concierge.console.shell;

/** The screens the shell navigates between, in the order of their shortcuts (Ctrl+1, Ctrl+2, …). */
public enum Screen {
    TODAY("Today"),
    ORDERS("Orders"),
    INBOX("Inbox");

    private final String title;

    Screen(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** "Ctrl+1" for the first screen. */
    public String shortcut() {
        return "Ctrl+" + (ordinal() + 1);
    }
}
