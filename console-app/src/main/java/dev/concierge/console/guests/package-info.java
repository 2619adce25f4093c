/**
 * The guests (CRM): a search as you type over the contacts, the selected guest's bookings, orders and conversations,
 * edits and consent, merging a duplicate, and for managers the GDPR export and erasure and the spreadsheet export.
 */
@NullMarked
package dev.concierge.console.guests;

import org.jspecify.annotations.NullMarked;
