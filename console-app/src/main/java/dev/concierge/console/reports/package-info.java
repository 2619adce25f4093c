/**
 * The managers' reports: what guests' conversations came to over a period, as charts, lists and a spreadsheet.
 */
@NullMarked
package dev.concierge.console.reports;

import org.jspecify.annotations.NullMarked;
