/** Orders from the menu: availability windows, totals, the order and payment lifecycles, and room folios. */
@NullMarked
package dev.concierge.order;

import org.jspecify.annotations.NullMarked;
