package dev.concierge.kiosk;

/** The languages a guest can pick at the kiosk. */
enum Language {
    ENGLISH,
    SPANISH
}
