package dev.concierge.settings;

import dev.concierge.api.ConnectionResult;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Tries one outside service with the settings it would start with (the environment's, else the ones stored from the
 * console), without changing anything there. Each integration package provides its own.
 */
@FunctionalInterface
public interface ConnectionTest {
    ConnectionResult test(Function<String, @Nullable String> settings);
}
