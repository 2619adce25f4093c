/**
 * Several server instances on one PostgreSQL: messages between them (LISTEN/NOTIFY), so a live chat push or a venue
 * change reaches every instance, and scheduled jobs that run once per cluster rather than once per instance. On the
 * embedded H2 there is one instance and nothing to tell.
 */
@NullMarked
package dev.concierge.cluster;

import org.jspecify.annotations.NullMarked;
