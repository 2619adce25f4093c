/** Video sessions with a HeyGen streaming avatar, created server-side so the API key never reaches a browser. */
@NullMarked
package dev.concierge.integration.heygen;

import org.jspecify.annotations.NullMarked;
