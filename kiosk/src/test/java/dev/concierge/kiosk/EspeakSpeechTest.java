package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

class EspeakSpeechTest {
    @TempDir
    Path dir;

    @Test
    void writesTheTextAsAWavInTheGuestsLanguage() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/espeak-ng")), "espeak-ng is installed (.ci/run does)");
        EspeakSpeech speech = new EspeakSpeech("espeak-ng", dir);

        speech.say("¿Qué tal? Mañana a las once.", Language.SPANISH);

        Path said = dir.resolve("0001-es.txt");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(said));
        assertEquals("¿Qué tal? Mañana a las once.", Files.readString(said));
        Path wav = dir.resolve("0001-es.wav");
        assertTrue(AudioSystem.getAudioInputStream(wav.toFile()).getFrameLength() > 1000);
        speech.close();
    }

    @Test
    void withoutTheEngineItStaysSilent() {
        EspeakSpeech speech = new EspeakSpeech(dir.resolve("no-such-espeak").toString(), null);
        assertDoesNotThrow(() -> {
            speech.say("Hello", Language.ENGLISH);
            speech.say("Hello again", Language.ENGLISH);
            speech.stop();
        });
        speech.close();
    }

    @Test
    void theChimeIsAShortSoundAndNeverFailsWithoutASoundCard() {
        assertEquals((int) (ToneChime.RATE * 0.18) * 4, ToneChime.tones().length);
        ToneChime chime = new ToneChime();
        assertDoesNotThrow(chime::play);
        chime.close();
    }
}
