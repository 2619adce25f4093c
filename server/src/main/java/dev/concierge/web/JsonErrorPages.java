package dev.concierge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.ApiError;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The answers Jetty gives itself, before a request reaches the routes (a malformed address such as {@code %00} or
 * bad UTF-8 in the path, headers too large): the contract's JSON error instead of Jetty's HTML page.
 */
final class JsonErrorPages extends ErrorHandler {
    private final ObjectMapper json;

    JsonErrorPages(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            @Nullable String message,
            @Nullable Throwable cause,
            Callback callback)
            throws IOException {
        ApiError error = switch (code) {
            case 400 ->
                ApiError.of("bad_request", "The request could not be read: its address or headers are malformed.");
            case 414 -> ApiError.of("uri_too_long", "The address is too long.");
            case 431 -> ApiError.of("headers_too_large", "The request's headers are too large.");
            default ->
                code >= 500
                        ? ApiError.of("internal_error", "Something went wrong on our side.")
                        : ApiError.of("http_" + code, HttpStatus.getMessage(code));
        };
        byte[] body = json.writeValueAsBytes(error);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        // Jetty drops the connection after a request it could not parse but does not say so; a keep-alive client then
        // sends its next request down the dead connection and gets no answer at all
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
