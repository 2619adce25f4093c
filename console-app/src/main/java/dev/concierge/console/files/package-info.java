/**
 * Files the console saves from the server (exports): where they go, and their download with progress, off the FX
 * thread.
 */
@NullMarked
package dev.concierge.console.files;

import org.jspecify.annotations.NullMarked;
