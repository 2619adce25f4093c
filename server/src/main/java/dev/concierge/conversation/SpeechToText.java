package dev.concierge.conversation;

import org.jspecify.annotations.Nullable;

/** Turns a guest's recorded message into text (OpenAI's transcription when configured); all the chat knows of it. */
public interface SpeechToText {

    /** No speech service: {@code POST /api/chat/audio} answers 503. */
    SpeechToText NONE = new SpeechToText() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public String transcribe(byte[] audio, String fileName, @Nullable String language) throws Unavailable {
            throw new Unavailable("no speech service is set up");
        }
    };

    boolean available();

    /**
     * The words of {@code audio} (a file as the browser or kiosk recorded it; {@code fileName} tells its format).
     *
     * @param language {@code en} or {@code es} when the guest chose one, which helps the service
     */
    String transcribe(byte[] audio, String fileName, @Nullable String language) throws Unavailable;

    /** The speech service failed or could not be reached. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String reason) {
            super(reason);
        }
    }
}
