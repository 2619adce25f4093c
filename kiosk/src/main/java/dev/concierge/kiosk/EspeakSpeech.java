package dev.concierge.kiosk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Speech by espeak-ng (Debian's {@code espeak-ng} package), one process per text on a thread of its own, never the FX
 * thread. Without espeak-ng the kiosk stays silent and says so once in the log. With a WAV directory it writes each
 * text to {@code NNNN-LANG.wav} (and the text beside it as {@code NNNN-LANG.txt}) instead of playing it: for tests,
 * and to hear a voice on a machine without speakers.
 */
final class EspeakSpeech implements Speech {
    private static final System.Logger LOG = System.getLogger(EspeakSpeech.class.getName());

    private final String command;
    private final @Nullable Path wavDirectory;
    private final ExecutorService speaking = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "kiosk-speech");
        thread.setDaemon(true);
        return thread;
    });
    /** Counts texts: a text queued before the last say or stop is not spoken. */
    private final AtomicLong turn = new AtomicLong();

    private final AtomicInteger files = new AtomicInteger();
    private final AtomicReference<@Nullable Process> playing = new AtomicReference<>();
    private volatile boolean unavailable;

    EspeakSpeech(String command, @Nullable Path wavDirectory) {
        this.command = command;
        this.wavDirectory = wavDirectory;
    }

    @Override
    public void say(String text, Language language) {
        long mine = turn.incrementAndGet();
        kill();
        speaking.execute(() -> speak(mine, text, language));
    }

    @Override
    public void stop() {
        turn.incrementAndGet();
        kill();
    }

    /** Stops speaking and the thread, at the kiosk's end. */
    void close() {
        stop();
        speaking.shutdownNow();
    }

    private void speak(long mine, String text, Language language) {
        if (unavailable || mine != turn.get() || text.isBlank()) {
            return;
        }
        List<String> line = new ArrayList<>(List.of(command, "-v", language.code(), "-s", "150", "-b", "1"));
        Path wav = null;
        if (wavDirectory != null) {
            String name = String.format("%04d-%s", files.incrementAndGet(), language.code());
            wav = wavDirectory.resolve(name + ".wav");
            line.add("-w");
            line.add(wav.toString());
        }
        line.add("--stdin");
        Process process;
        try {
            if (wavDirectory != null) {
                Files.createDirectories(wavDirectory);
            }
            process = new ProcessBuilder(line)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            if (!unavailable) {
                unavailable = true;
                LOG.log(
                        System.Logger.Level.WARNING,
                        "No speech: " + command + " could not be run (" + e.getMessage() + ")");
            }
            return;
        }
        playing.set(process);
        if (mine != turn.get()) {
            process.destroy(); // stopped while it started
            return;
        }
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            int exit = process.waitFor();
            playing.compareAndSet(process, null);
            if (wav != null && exit == 0 && mine == turn.get()) {
                Path said = wav.resolveSibling(wav.getFileName().toString().replace(".wav", ".txt"));
                // written aside and moved in, so whoever waits for the .txt never reads it half written
                Path writing = wav.resolveSibling(said.getFileName() + ".part");
                Files.writeString(writing, text, StandardCharsets.UTF_8);
                Files.move(writing, said, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // cut off by a newer text or a stop (its pipe closed): speech itself still works for the next one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void kill() {
        Process process = playing.getAndSet(null);
        if (process != null) {
            process.destroy();
        }
    }
}
