/** The database: connection pool, Flyway migrations and the one jOOQ {@code DSLContext}. */
@NullMarked
package dev.concierge.storage;

import org.jspecify.annotations.NullMarked;
