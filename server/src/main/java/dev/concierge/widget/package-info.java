/** The website chat widget ({@code /widget.js}) and the demo hotel page ({@code /}) that embeds it. */
@NullMarked
package dev.concierge.widget;

import org.jspecify.annotations.NullMarked;
