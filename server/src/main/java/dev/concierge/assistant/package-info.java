/**
 * The guest assistant: the offline dialogue (intents, forms that ask one thing at a time, confirm before commit) over
 * the same domain services the desk uses; {@code local/} holds its language layer.
 */
@NullMarked
package dev.concierge.assistant;

import org.jspecify.annotations.NullMarked;
