package dev.concierge.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code POST /api/chat/audio}: what the guest was heard to say, and the assistant's answer to it (as {@code POST
 * /api/chat} answers).
 */
public record AudioChatReply(
        String transcript, @JsonUnwrapped ChatReply chat) {}
