package dev.concierge.api;

/** An error answer from the server, as the client received it. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ApiError error;

    public ApiException(int status, ApiError error) {
        super(status + " " + error.error().code() + ": " + error.error().message());
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }
}
