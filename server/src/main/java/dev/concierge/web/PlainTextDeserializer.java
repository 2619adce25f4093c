package dev.concierge.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/**
 * Every text field of every request holds text: no NUL or other control characters (tab and line breaks are text),
 * no half of a surrogate pair. JSON can carry them ({@code "\u0000"}); no guest or member of staff types them, and
 * they break what later shows or sends the text (a PDF, a spreadsheet, a calendar, a log line).
 */
final class PlainTextDeserializer extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    /** The refusal's message, by which the error mapper knows it. */
    static final String NOT_PLAIN = "not plain text";

    PlainTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (value != null && !isPlainText(value)) {
            throw InvalidFormatException.from(parser, NOT_PLAIN, value, String.class);
        }
        return value;
    }

    static boolean isPlainText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)
                    || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                return false;
            }
        }
        return true;
    }
}
