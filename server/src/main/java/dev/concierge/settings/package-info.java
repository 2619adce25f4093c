/** The venue's settings that staff change from the console. */
@NullMarked
package dev.concierge.settings;

import org.jspecify.annotations.NullMarked;
