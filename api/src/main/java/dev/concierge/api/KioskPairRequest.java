package dev.concierge.api;

import org.jspecify.annotations.Nullable;

/** {@code POST /api/kiosk/pair}: the code the console showed. */
public record KioskPairRequest(String code) {
    public KioskPairRequest(@Nullable String code) {
        FieldChecks.start().require("code", code).maxLength("code", code, 40).orThrow();
        this.code = java.util.Objects.requireNonNull(code);
    }
}
