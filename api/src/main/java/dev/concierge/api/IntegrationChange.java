package dev.concierge.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code PUT /api/staff/integrations}: settings to store by name; an empty value or {@code null} removes one. */
public record IntegrationChange(Map<String, @Nullable String> values) {
    public IntegrationChange(@Nullable Map<String, @Nullable String> values) {
        Map<String, @Nullable String> given = values == null ? Map.of() : values;
        FieldChecks checks = FieldChecks.start().check(!given.isEmpty(), "values", "name at least one setting");
        given.forEach((name, value) -> checks.maxLength("values." + name, value, 6000));
        checks.orThrow();
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(given));
    }
}
