/** The first run: a server without staff accounts gets its owner here, instead of a sign-in. */
@NullMarked
package dev.concierge.console.firstrun;

import org.jspecify.annotations.NullMarked;
