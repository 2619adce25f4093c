package dev.concierge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The one error shape of the API: {@code {"error": {"code", "message", "fields"?, "alternatives"?}}}. */
public record ApiError(Detail error) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Detail(
            String code,
            String message,
            @Nullable Map<String, String> fields,
            @Nullable List<TimeRange> alternatives) {}

    public static ApiError of(String code, String message) {
        return new ApiError(new Detail(code, message, null, null));
    }

    public static ApiError withFields(String code, String message, Map<String, String> fields) {
        return new ApiError(new Detail(code, message, fields, null));
    }
}
