package dev.concierge.staff;

import org.jspecify.annotations.Nullable;

/** A paired kiosk calling the API with its device token; {@code readerId} is the card reader beside it, if any. */
public record Kiosk(String id, String name, @Nullable String readerId) {}
