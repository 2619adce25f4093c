package dev.concierge.web;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request has an id: the caller's {@code X-Request-Id} when it is a plain token (a proxy's, a client's
 * retry), else a new one. It is sent back in the same header, stands in every log line of the request (MDC {@code
 * requestId}) and names an unexpected failure to the person who reports it.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = "concierge.requestId";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {}

    static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && PLAIN.matcher(given).matches() ? given : fresh();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** The request's id (a new one for a request that came in before ids were assigned). */
    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id != null ? id : fresh();
    }

    /** After the request's last log line: the thread serves someone else next. */
    static void forget() {
        MDC.remove(MDC_KEY);
    }

    private static String fresh() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
