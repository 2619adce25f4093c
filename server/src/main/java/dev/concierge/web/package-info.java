/** HTTP plumbing only: JSON mapping, the error contract, access checks, request limits and metrics. */
@NullMarked
package dev.concierge.web;

import org.jspecify.annotations.NullMarked;
