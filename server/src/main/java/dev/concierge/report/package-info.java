/**
 * The venue's reports on guests' conversations, computed with SQL over what was stored when it happened (messages,
 * conversations, task outcomes), never from counters that could drift.
 */
@NullMarked
package dev.concierge.report;

import org.jspecify.annotations.NullMarked;
