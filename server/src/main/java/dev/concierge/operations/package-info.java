/** What operators and monitoring read: health and metrics. */
@NullMarked
package dev.concierge.operations;

import org.jspecify.annotations.NullMarked;
