/** The GDPR rights of a guest: everything held about them, and its erasure across every feature. */
@NullMarked
package dev.concierge.privacy;

import org.jspecify.annotations.NullMarked;
