package dev.concierge.knowledge;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentence vectors from all-MiniLM-L6-v2 (quantized ONNX, inside the jar: nothing is downloaded), loaded once on a
 * background thread when first wanted. Where the model cannot load (its native libraries are only packed for
 * Linux), there are no vectors and the knowledge base answers from its word index alone.
 */
final class SentenceEmbeddings {
    /** The longest a question waits for the model to load the first time (≈ 1 s on the appliance). */
    static final long LOAD_WAIT_SECONDS = 20;

    private static final Logger log = LoggerFactory.getLogger(SentenceEmbeddings.class);

    private final @Nullable Path nativeCache;
    private volatile @Nullable CompletableFuture<Optional<AllMiniLmL6V2QuantizedEmbeddingModel>> model;

    /** @param nativeCache where the tokenizer's native library is unpacked (else DJL's default, {@code ~/.djl.ai}) */
    SentenceEmbeddings(@Nullable Path nativeCache) {
        this.nativeCache = nativeCache;
    }

    /** Starts loading the model, if it has not started yet, without waiting for it. */
    void warmUp() {
        loading();
    }

    /** The sentence's vector, or empty when the model is not available or there is nothing to embed. */
    Optional<float[]> embed(String sentence) {
        if (sentence.isBlank()) {
            return Optional.empty();
        }
        try {
            return loading()
                    .get(LOAD_WAIT_SECONDS, TimeUnit.SECONDS)
                    .map(m -> m.embed(sentence).content().vector());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // text the model finds no words in ("\u0007", "..."): nothing to compare
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    private CompletableFuture<Optional<AllMiniLmL6V2QuantizedEmbeddingModel>> loading() {
        CompletableFuture<Optional<AllMiniLmL6V2QuantizedEmbeddingModel>> started = model;
        if (started != null) {
            return started;
        }
        synchronized (this) {
            if (model == null) {
                model = CompletableFuture.supplyAsync(this::load);
            }
            return java.util.Objects.requireNonNull(model);
        }
    }

    private Optional<AllMiniLmL6V2QuantizedEmbeddingModel> load() {
        // DJL reads its cache folder from the environment or a system property, nothing else; set before it loads
        if (nativeCache != null
                && System.getenv("DJL_CACHE_DIR") == null
                && System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", nativeCache.toAbsolutePath().toString());
        }
        long started = System.nanoTime();
        try {
            AllMiniLmL6V2QuantizedEmbeddingModel loaded = new AllMiniLmL6V2QuantizedEmbeddingModel();
            loaded.embed("warm up"); // the first inference sets up the session; no guest should wait for it
            log.info("Sentence embeddings ready in {} ms", (System.nanoTime() - started) / 1_000_000);
            return Optional.of(loaded);
        } catch (RuntimeException | LinkageError e) {
            log.warn(
                    "Sentence embeddings are not available here; the knowledge base uses its word index alone: {}",
                    e.toString());
            return Optional.empty();
        }
    }

    /** The cosine of the angle between two vectors: 1 for the same meaning, about 0 for unrelated sentences. */
    static double similarity(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}
