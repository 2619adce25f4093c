/**
 * The offline assistant's reading of one guest message, in English or Spanish: its language, the dates, times, party
 * size, stay, name and contact details it mentions, yes or no, and the services and menu items it names. Pure and
 * deterministic: no database, no network, no clock of its own (the venue's "now" is passed in).
 */
@NullMarked
package dev.concierge.assistant.local;

import org.jspecify.annotations.NullMarked;
