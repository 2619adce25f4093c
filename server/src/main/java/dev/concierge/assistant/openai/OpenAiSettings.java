package dev.concierge.assistant.openai;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How the OpenAI engine reaches its service: the key, the base URL (any OpenAI-compatible endpoint), the model, how
 * long one request may take and how many requests one guest message may cost.
 *
 * @param baseUrl up to and including the API version, e.g. {@code https://api.openai.com/v1}
 * @param maxRounds requests to the model per guest message; a model still calling tools after the last one gives the
 *     turn to the local engine
 */
public record OpenAiSettings(String apiKey, String baseUrl, String model, Duration timeout, int maxRounds) {
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    /** Cheap, fast and good at function calling; the operator may name another with {@code OPENAI_MODEL}. */
    public static final String DEFAULT_MODEL = "gpt-4o-mini";

    /**
     * A guest waits for each request at most this long before the local engine answers instead: long enough for a
     * short tool round of a hosted model, short enough that a chat does not feel stuck.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * All of one guest message's requests together take at most this long (or one request's timeout, if longer):
     * four slow rounds must not keep a guest waiting twenty seconds for what the local engine answers at once.
     */
    public static final Duration TURN_BUDGET = Duration.ofSeconds(8);

    /** Enough for a question, a search and an answer, or a check and a booking; more means the model is looping. */
    public static final int DEFAULT_MAX_ROUNDS = 4;

    public OpenAiSettings {
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("OPENAI_API_KEY is blank");
        }
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("OPENAI_BASE_URL must be an http(s) URL, not " + baseUrl);
        }
        if (model.isBlank()) {
            throw new IllegalArgumentException("OPENAI_MODEL is blank");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
        }
        if (maxRounds < 1) {
            throw new IllegalArgumentException("at least one round, not " + maxRounds);
        }
    }

    /**
     * The settings named by {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL} and {@code OPENAI_MODEL}, or empty
     * without a key (then the local engine answers alone).
     */
    public static Optional<OpenAiSettings> fromEnvironment(Function<String, @Nullable String> setting) {
        String key = setting.apply("OPENAI_API_KEY");
        if (key == null) {
            return Optional.empty();
        }
        String baseUrl = setting.apply("OPENAI_BASE_URL");
        String model = setting.apply("OPENAI_MODEL");
        return Optional.of(new OpenAiSettings(
                key.strip(),
                baseUrl == null ? DEFAULT_BASE_URL : stripTrailingSlash(baseUrl.strip()),
                model == null ? DEFAULT_MODEL : model.strip(),
                DEFAULT_TIMEOUT,
                DEFAULT_MAX_ROUNDS));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Without the key: these settings end up in logs and error messages. */
    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=" + baseUrl + ", model=" + model + ", timeout=" + timeout + ", maxRounds="
                + maxRounds + "]";
    }
}
