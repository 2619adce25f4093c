/**
 * The OpenAI engine of the assistant, used when {@code OPENAI_API_KEY} is set: the model reads the guest and calls
 * tools that mirror the domain's commands; read-only tools answer from the real services, and the tools that would
 * change something only fill the dialogue's state for the local engine, which reads it back and commits after the
 * guest's yes. Any failure of the service leaves the turn to the local engine.
 */
@NullMarked
package dev.concierge.assistant.openai;

import org.jspecify.annotations.NullMarked;
