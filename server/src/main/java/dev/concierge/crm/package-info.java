/** The guest CRM: one contact per person, found again by normalized e-mail or phone, with consent and intent. */
@NullMarked
package dev.concierge.crm;

import org.jspecify.annotations.NullMarked;
