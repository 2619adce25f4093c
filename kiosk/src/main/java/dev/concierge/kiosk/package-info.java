/** The lobby kiosk: a full-screen JavaFX client where guests talk to the assistant. */
@NullMarked
package dev.concierge.kiosk;

import org.jspecify.annotations.NullMarked;
