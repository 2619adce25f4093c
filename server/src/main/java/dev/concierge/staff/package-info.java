/** Staff accounts, roles, login sessions, and the public keys of websites that embed the widget. */
@NullMarked
package dev.concierge.staff;

import org.jspecify.annotations.NullMarked;
