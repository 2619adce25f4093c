package dev.concierge.kiosk;

/** A short sound that tells a guest the idle countdown has started; silent where there is no sound card. */
interface Chime {
    void play();
}
