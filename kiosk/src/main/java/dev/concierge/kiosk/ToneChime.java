package dev.concierge.kiosk;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineEvent;

/**
 * Two short tones made in memory (no sound file to ship), played by the JDK's own sound API off the FX thread.
 * Without a sound card (as on CI) it logs that once and stays silent.
 */
final class ToneChime implements Chime {
    private static final System.Logger LOG = System.getLogger(ToneChime.class.getName());
    static final float RATE = 22_050f;

    private final ExecutorService playing = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "kiosk-chime");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean silent;

    @Override
    public void play() {
        if (!silent) {
            playing.execute(this::sound);
        }
    }

    void close() {
        playing.shutdownNow();
    }

    private void sound() {
        try {
            byte[] samples = tones();
            Clip clip = AudioSystem.getClip();
            clip.open(new AudioFormat(RATE, 16, 1, true, false), samples, 0, samples.length);
            clip.addLineListener(event -> {
                if (event.getType() == LineEvent.Type.STOP) {
                    clip.close();
                }
            });
            clip.start();
        } catch (Exception | LinkageError e) {
            // no sound card, no mixer, or no sound in this runtime: the countdown still shows
            if (!silent) {
                silent = true;
                LOG.log(System.Logger.Level.INFO, "No countdown chime: " + e);
            }
        }
    }

    /** 16-bit little-endian mono: 880 Hz then 660 Hz, each faded in and out so it does not click. */
    static byte[] tones() {
        int each = (int) (RATE * 0.18);
        byte[] samples = new byte[each * 2 * 2];
        int at = 0;
        for (double frequency : new double[] {880, 660}) {
            for (int i = 0; i < each; i++) {
                double fade = Math.min(1.0, Math.min(i, each - i) / (RATE * 0.02));
                short value = (short) (Math.sin(2 * Math.PI * frequency * i / RATE) * fade * 0.5 * Short.MAX_VALUE);
                samples[at++] = (byte) value;
                samples[at++] = (byte) (value >> 8);
            }
        }
        return samples;
    }
}
