package dev.concierge.console.reports;

import java.nio.file.Path;
import java.util.Optional;

/** Where the person wants a file saved (the console's {@code SaveLocation}); on the FX thread. */
@FunctionalInterface
public interface SaveTarget {

    /** The file to write, or empty when the person cancels. */
    Optional<Path> choose(String suggestedName);
}
