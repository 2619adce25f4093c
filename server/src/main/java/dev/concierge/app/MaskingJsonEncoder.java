package dev.concierge.app;

import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;

/**
 * One JSON object per line with personal data masked before it is written ({@link PersonalDataMasker}: e-mail
 * addresses, phone and card-like numbers in every string value) and the fields named like secrets replaced whole.
 * Standard output ({@code logback.xml}) and the log files ({@link LogFiles}) both write through it, so what one masks
 * the other does too; set up in code, no misspelt XML element can switch the masking off.
 */
public final class MaskingJsonEncoder extends LogstashEncoder {
    /** Fields whose whole value is masked, whatever it holds. */
    public static final List<String> SECRET_FIELDS = List.of("password", "token", "authorization", "secret", "apiKey");

    private final MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();

    public MaskingJsonEncoder() {
        masking.setDefaultMask(PersonalDataMasker.MASK);
        masking.addValueMasker(new PersonalDataMasker());
        SECRET_FIELDS.forEach(masking::addPath);
        setJsonGeneratorDecorator(masking);
    }

    /** The decorator compiles its masks when started; Logback starts only what its configuration names. */
    @Override
    public void start() {
        masking.start();
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        masking.stop();
    }
}
