package dev.concierge.api;

/** {@code POST /api/staff/conversations/{id}/messages}: what a member of staff writes to the guest. */
public record StaffMessage(String text) {
    public StaffMessage {
        FieldChecks.start()
                .require("text", text)
                .maxLength("text", text, ChatRequest.MAX_MESSAGE_LENGTH)
                .orThrow();
        text = text.strip();
    }
}
