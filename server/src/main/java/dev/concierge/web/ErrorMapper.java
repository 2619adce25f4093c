package dev.concierge.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.concierge.api.ApiError;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.common.DomainException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.time.temporal.Temporal;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into the one JSON error shape of the contract, and never shows internals. */
final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    /** The most of a wrong value an error message repeats. */
    static final int ECHOED = 40;

    void handle(Exception exception, Context ctx) {
        DomainException domain = find(exception, DomainException.class);
        if (domain != null) {
            writeDomain(domain, ctx);
            return;
        }
        InvalidFieldsException invalid = find(exception, InvalidFieldsException.class);
        if (invalid != null) {
            invalidRequest(ctx, invalid.fields());
            return;
        }
        JsonProcessingException json = find(exception, JsonProcessingException.class);
        if (json != null) {
            writeJsonProblem(json, ctx);
            return;
        }
        if (exception instanceof HttpResponseException http) {
            writeHttp(http.getStatus(), http.getMessage(), ctx);
            return;
        }
        String incident = RequestIds.of(ctx);
        log.error("Unexpected failure {} on {} {}", incident, ctx.method(), ctx.path(), exception);
        write(
                ctx,
                500,
                ApiError.of(
                        "internal_error",
                        "Something went wrong on our side (incident " + incident
                                + "). Please try again; if it keeps happening, tell the front desk."));
    }

    /** Javalin's own errors (unknown route, body too large, …) in the contract's shape. */
    void writeHttp(int status, @Nullable String detail, Context ctx) {
        switch (status) {
            case 404 ->
                write(
                        ctx,
                        404,
                        ApiError.of("not_found", "There is nothing at " + ctx.method() + " " + ctx.path() + "."));
            case 405 -> write(ctx, 405, ApiError.of("method_not_allowed", ctx.method() + " is not allowed here."));
            case 413 -> write(ctx, 413, ApiError.of("payload_too_large", "The request body is too large."));
            case 415 ->
                write(
                        ctx,
                        415,
                        ApiError.of(
                                "unsupported_media_type",
                                WebServer.MULTIPART_ROUTES.contains(ctx.path())
                                        ? "Send the recording as a multipart/form-data form (file, channel)."
                                        : "Send the body as JSON with Content-Type: application/json."));
            default -> {
                if (status >= 500) {
                    log.error("HTTP {} on {} {}: {}", status, ctx.method(), ctx.path(), detail);
                    write(ctx, status, ApiError.of("internal_error", "Something went wrong on our side."));
                } else {
                    write(
                            ctx,
                            status,
                            ApiError.of(
                                    "http_" + status,
                                    HttpStatus.forStatus(status).getMessage()));
                }
            }
        }
    }

    private void writeDomain(DomainException e, Context ctx) {
        int status = switch (e.failure()) {
            case NOT_ALLOWED -> 422;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case TOO_MANY_REQUESTS -> 429;
            case UPSTREAM -> 502;
            case UNAVAILABLE -> 503;
        };
        if (e.retryAfter() != null) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        String message = e.getMessage() == null ? e.code() : e.getMessage();
        write(
                ctx,
                status,
                new ApiError(new ApiError.Detail(
                        e.code(), message, null, e.alternatives().isEmpty() ? null : e.alternatives())));
    }

    private void writeJsonProblem(JsonProcessingException e, Context ctx) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            invalidRequest(ctx, Map.of(path(unknown), "is not a known field"));
        } else if (e instanceof ValueInstantiationException) {
            invalidRequest(ctx, Map.of(pathOrBody((JsonMappingException) e), "is not valid"));
        } else if (e instanceof InvalidFormatException format
                && PlainTextDeserializer.NOT_PLAIN.equals(format.getOriginalMessage())) {
            invalidRequest(ctx, Map.of(path(format), "must be plain text, without control characters"));
        } else if (e instanceof InvalidFormatException format) {
            invalidRequest(ctx, Map.of(path(format), expected(format.getTargetType(), format.getValue())));
        } else if (e instanceof MismatchedInputException mismatch) {
            invalidRequest(ctx, Map.of(pathOrBody(mismatch), expected(mismatch.getTargetType(), null)));
        } else if (e instanceof JsonParseException || e instanceof JsonEOFException) {
            write(
                    ctx,
                    400,
                    ApiError.withFields(
                            "malformed_json", "The body is not valid JSON.", Map.of("body", "is not valid JSON")));
        } else if (e instanceof JsonMappingException mapping) {
            invalidRequest(ctx, Map.of(pathOrBody(mapping), "is not valid"));
        } else {
            write(
                    ctx,
                    400,
                    ApiError.withFields(
                            "malformed_json", "The body is not valid JSON.", Map.of("body", "is not valid JSON")));
        }
    }

    private static String expected(@Nullable Class<?> type, @Nullable Object value) {
        String shown = value == null ? "" : " (got \"" + shortened(String.valueOf(value)) + "\")";
        if (type == null) {
            return "has the wrong type" + shown;
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "must be a number" + shown;
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false" + shown;
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date or time" + shown;
        }
        if (type == String.class) {
            return "must be text";
        }
        if (type.isEnum()) {
            return "is not one of the allowed values" + shown;
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be a JSON object";
    }

    /** A wrong value echoed back in part: a megabyte of it helps nobody fix a form. */
    static String shortened(String value) {
        return value.length() <= ECHOED ? value : value.substring(0, ECHOED) + "…";
    }

    private static String pathOrBody(JsonMappingException e) {
        String path = path(e);
        return path.isEmpty() ? "body" : path;
    }

    /** The JSON path of the bad field, e.g. {@code items[0].quantity}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static void invalidRequest(Context ctx, Map<String, String> fields) {
        write(ctx, 400, ApiError.withFields("invalid_request", "Some fields are missing or not valid.", fields));
    }

    private static void write(Context ctx, int status, ApiError error) {
        ctx.status(status).json(error);
    }

    private static <T extends Throwable> @Nullable T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
