/**
 * The HTTP API of Concierge as Java records: exactly the JSON of DESIGN.md, shared by the server, its tests, the
 * console and the kiosk so that the contract is written once.
 */
@NullMarked
package dev.concierge.api;

import org.jspecify.annotations.NullMarked;
