/** The venue's knowledge base and its retrieval, for the assistant's answers. */
@NullMarked
package dev.concierge.knowledge;

import org.jspecify.annotations.NullMarked;
