package dev.concierge.assistant.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.MultipartField;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.audio.AudioModel;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import dev.concierge.conversation.SpeechToText;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Speech to text through OpenAI's audio transcription (the official client), for {@code POST /api/chat/audio}. */
public final class OpenAiTranscriber implements SpeechToText {
    /** Long enough for a minute of speech; a guest who spoke waits at most this before being told it failed. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final OpenAIClient client;

    public OpenAiTranscriber(OpenAiSettings settings) {
        this.client = OpenAIOkHttpClient.builder()
                .apiKey(settings.apiKey())
                .baseUrl(settings.baseUrl())
                .timeout(TIMEOUT)
                .maxRetries(0)
                .build();
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String transcribe(byte[] audio, String fileName, @Nullable String language) throws Unavailable {
        TranscriptionCreateParams.Builder params = TranscriptionCreateParams.builder()
                .file(MultipartField.<InputStream>builder()
                        .value(new ByteArrayInputStream(audio))
                        .filename(fileName)
                        .build())
                .model(AudioModel.WHISPER_1);
        if (language != null) {
            params.language(language);
        }
        try {
            return client.audio()
                    .transcriptions()
                    .create(params.build())
                    .asTranscription()
                    .text()
                    .strip();
        } catch (OpenAIServiceException e) {
            throw new Unavailable("the speech service answered HTTP " + e.statusCode());
        } catch (OpenAIException | IllegalStateException e) {
            throw new Unavailable(
                    "the speech service could not be reached: " + e.getClass().getSimpleName());
        }
    }
}
