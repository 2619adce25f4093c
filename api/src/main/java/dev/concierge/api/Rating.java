package dev.concierge.api;

/** {@code POST /api/chat/{id}/rating}: the guest's thumbs {@code up} or {@code down} for the conversation. */
public record Rating(String rating) {
    public Rating {
        FieldChecks.start()
                .require("rating", rating)
                .check(rating == null || rating.equals("up") || rating.equals("down"), "rating", "must be up or down")
                .orThrow();
    }
}
