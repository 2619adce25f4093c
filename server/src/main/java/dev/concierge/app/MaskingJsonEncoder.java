package dev.concierge.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
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

    /** Reads and writes log lines again; configured once and never changed. */
    private static final ObjectMapper LINES = new ObjectMapper();

    /**
     * A line of a log file masked again as this encoder masks: a JSON line field by field, any other line as text. A
     * line written before masking existed (or by another encoder) leaves a support bundle no worse than a new one.
     */
    static String remask(String line) {
        try {
            JsonNode node = LINES.readTree(line);
            if (node instanceof ObjectNode object) {
                return LINES.writeValueAsString(masked(object));
            }
        } catch (JsonProcessingException notJson) {
            // masked as text below
        }
        return PersonalDataMasker.masked(line);
    }

    private static JsonNode masked(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (SECRET_FIELDS.contains(field.getKey()) && !field.getValue().isNull()) {
                    field.setValue(TextNode.valueOf(PersonalDataMasker.MASK));
                } else {
                    field.setValue(masked(field.getValue()));
                }
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, masked(array.get(i)));
            }
            return array;
        }
        return node.isTextual() ? TextNode.valueOf(PersonalDataMasker.masked(node.asText())) : node;
    }
}
