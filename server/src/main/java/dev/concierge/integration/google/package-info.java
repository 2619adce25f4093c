/**
 * Google Calendar and Google Sheets through their official clients: bookings pushed as calendar events (and busy
 * times pulled back), the CRM pushed as one fixed spreadsheet row per contact. Google's classes stay in here.
 */
@NullMarked
package dev.concierge.integration.google;

import org.jspecify.annotations.NullMarked;
