package dev.concierge.kiosk;

/** The chat screen's text size: the root font size, which every other size in kiosk.css is relative to. */
enum TextSize {
    NORMAL(26),
    LARGE(32),
    EXTRA_LARGE(40);

    private final int pixels;

    TextSize(int pixels) {
        this.pixels = pixels;
    }

    int pixels() {
        return pixels;
    }

    /** The next size a touch on the text-size button gives, round to normal again. */
    TextSize next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
