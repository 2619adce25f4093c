/** Starting (or finding) the server and signing in: the console's first screen. */
@NullMarked
package dev.concierge.console.signin;

import org.jspecify.annotations.NullMarked;
