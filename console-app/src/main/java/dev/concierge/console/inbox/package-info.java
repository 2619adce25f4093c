/** The inbox: conversations waiting for a person, pushed live; the transcript, take-over, replies and release. */
@NullMarked
package dev.concierge.console.inbox;

import org.jspecify.annotations.NullMarked;
