/** Conversations with guests and their messages; for now their retention (the assistant builds on them). */
@NullMarked
package dev.concierge.conversation;

import org.jspecify.annotations.NullMarked;
