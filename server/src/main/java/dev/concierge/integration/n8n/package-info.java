/** Every important event to n8n (or any receiver of Standard Webhooks), signed, the same id on every retry. */
@NullMarked
package dev.concierge.integration.n8n;

import org.jspecify.annotations.NullMarked;
