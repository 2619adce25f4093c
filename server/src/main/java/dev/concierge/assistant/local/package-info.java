/** The offline assistant's language layer: language detection, entities in a message, fuzzy catalogue names. */
@NullMarked
package dev.concierge.assistant.local;

import org.jspecify.annotations.NullMarked;
