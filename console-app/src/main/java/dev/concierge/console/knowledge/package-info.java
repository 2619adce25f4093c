/**
 * What the assistant answers from: the knowledge base's entries in the venue's languages, read by the desk and edited
 * by managers, and the guests' questions nobody could answer, each one click from a new entry.
 */
@NullMarked
package dev.concierge.console.knowledge;

import org.jspecify.annotations.NullMarked;
