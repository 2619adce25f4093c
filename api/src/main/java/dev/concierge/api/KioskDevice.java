package dev.concierge.api;

/** A paired kiosk's device token (sent as {@code Authorization: Bearer}), shown once; the kiosk keeps it. */
public record KioskDevice(String token, String kioskId, String name) {}
