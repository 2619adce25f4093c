package dev.concierge.integration.google;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import dev.concierge.outbox.DeliveryFailure;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a failed call to Google means for its delivery. 408, 429 and 5xx are tried again (honouring
 * {@code Retry-After}), and so is a 403 whose reason is a rate or quota limit (Calendar answers those as 403); any
 * other answer is permanent. The reason names the status and Google's one-word reason, never the message, which may
 * quote what was sent.
 */
final class GoogleFailures {
    /** Google's reasons for a 403 that is a limit, not a refusal. */
    private static final Set<String> LIMITS =
            Set.of("rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "dailyLimitExceeded");

    private GoogleFailures() {}

    /** The HTTP status of a failed call, or -1 when no answer came (the network, a timeout). */
    static int status(IOException e) {
        return e instanceof HttpResponseException answer ? answer.getStatusCode() : -1;
    }

    static DeliveryFailure of(String service, IOException e, Instant now) {
        if (!(e instanceof HttpResponseException answer)) {
            return DeliveryFailure.retryable(
                    e instanceof SocketTimeoutException
                            ? service + " did not answer in time"
                            : service + " could not be reached: " + e.getClass().getSimpleName(),
                    null);
        }
        int status = answer.getStatusCode();
        String reason = reason(e);
        String retryAfter = answer.getHeaders().getFirstHeaderStringValue("Retry-After");
        if (status == 403 && reason != null && LIMITS.contains(reason)) {
            status = 429; // a limit, tried again like one
        }
        return DeliveryFailure.ofStatus(service, status, retryAfter, reason, now);
    }

    /** Google's machine-readable reason ({@code notFound}, {@code forbidden}, …), never its message. */
    static @Nullable String reason(IOException e) {
        if (e instanceof GoogleJsonResponseException json && json.getDetails() != null) {
            List<GoogleJsonError.ErrorInfo> errors = json.getDetails().getErrors();
            if (errors != null && !errors.isEmpty() && errors.get(0).getReason() != null) {
                return errors.get(0).getReason().replaceAll("[^A-Za-z0-9_.-]", "");
            }
        }
        return null;
    }
}
