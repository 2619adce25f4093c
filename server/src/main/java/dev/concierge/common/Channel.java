package dev.concierge.common;

import java.util.Locale;

/** Where a booking, an order or a message came from (DESIGN.md: console, web, kiosk, api, calendar). */
public enum Channel {
    CONSOLE,
    WEB,
    KIOSK,
    API,
    CALENDAR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
