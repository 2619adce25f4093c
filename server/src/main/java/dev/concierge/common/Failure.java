package dev.concierge.common;

/** The kinds of failure a use case can end in; the web layer maps each to one HTTP status. */
public enum Failure {
    /** Well-formed but not allowed, e.g. outside opening hours (422). */
    NOT_ALLOWED,
    /** The thing asked for does not exist (404). */
    NOT_FOUND,
    /** It collides with the current state, e.g. a slot just taken (409). */
    CONFLICT,
    /** No or bad credentials (401). */
    UNAUTHENTICATED,
    /** Credentials fine, role too low (403). */
    FORBIDDEN,
    /** Too many attempts; retry later (429). */
    TOO_MANY_REQUESTS,
    /** An outside service failed (502). */
    UPSTREAM,
    /** What it needs is not set up here, e.g. no speech service or no Stripe webhook secret (503). */
    UNAVAILABLE
}
