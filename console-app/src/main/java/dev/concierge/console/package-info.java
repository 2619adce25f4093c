/** The staff console at the front desk: a JavaFX client of the Concierge HTTP API. */
@NullMarked
package dev.concierge.console;

import org.jspecify.annotations.NullMarked;
