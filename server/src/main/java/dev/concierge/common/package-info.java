/** What every feature shares: the failures a use case can end in, independent of HTTP. */
@NullMarked
package dev.concierge.common;

import org.jspecify.annotations.NullMarked;
