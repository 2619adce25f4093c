/**
 * Backups of the embedded database: nightly ones kept in the data directory, one started by staff, the
 * {@code backup}/{@code restore} commands, and the local route a running server makes its snapshot through.
 */
@NullMarked
package dev.concierge.backup;

import org.jspecify.annotations.NullMarked;
