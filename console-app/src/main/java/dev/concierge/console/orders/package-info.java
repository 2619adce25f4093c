/** The order queue: orders by status, moved along one key at a time, cancelled with a confirmation. */
@NullMarked
package dev.concierge.console.orders;

import org.jspecify.annotations.NullMarked;
