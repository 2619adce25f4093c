/** Test-only helpers shared by the modules' tests: venue files, raw HTTP, and a server in its own process. */
@NullMarked
package dev.concierge.testing;

import org.jspecify.annotations.NullMarked;
