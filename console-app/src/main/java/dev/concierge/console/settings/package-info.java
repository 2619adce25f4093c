/**
 * The console's Settings screen (managers and the owner): the venue's retention and details, integration keys with a
 * connection test, staff accounts and roles, kiosk pairing, and the website widget's public keys with the tag to
 * paste.
 */
@NullMarked
package dev.concierge.console.settings;

import org.jspecify.annotations.NullMarked;
