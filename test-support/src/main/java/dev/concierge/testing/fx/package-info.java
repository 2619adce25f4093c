/** Helpers for tests that open real JavaFX windows (TestFX under Xvfb). */
@NullMarked
package dev.concierge.testing.fx;

import org.jspecify.annotations.NullMarked;
