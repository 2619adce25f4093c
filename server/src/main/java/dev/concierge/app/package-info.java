/** Start-up and wiring: options, the one clock, and the server that ties the features together. */
@NullMarked
package dev.concierge.app;

import org.jspecify.annotations.NullMarked;
