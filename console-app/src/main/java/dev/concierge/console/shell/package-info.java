/** The main window after sign-in: navigation between screens, who is signed in, the server's health, logout. */
@NullMarked
package dev.concierge.console.shell;

import org.jspecify.annotations.NullMarked;
