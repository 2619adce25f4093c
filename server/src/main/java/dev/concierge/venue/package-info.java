/** The venue: its venue file (parsing, validation, import), opening hours and closures. */
@NullMarked
package dev.concierge.venue;

import org.jspecify.annotations.NullMarked;
