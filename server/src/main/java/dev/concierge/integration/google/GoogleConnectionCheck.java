package dev.concierge.integration.google;

import dev.concierge.api.ConnectionResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The console's "test connection" for Google: an access token from the key's {@code token_uri}, then one read of
 * each configured target (the calendar's first event, the spreadsheet's title). Nothing is written. The answer names
 * the step that failed, as the desk must fix a different setting for each.
 */
public final class GoogleConnectionCheck {
    public static final String NAME = "google";

    private GoogleConnectionCheck() {}

    public static ConnectionResult testConnection(Function<String, @Nullable String> settings, String version) {
        Optional<GoogleSettings> google;
        try {
            google = GoogleSettings.fromSettings(settings, version);
        } catch (IllegalArgumentException e) {
            return new ConnectionResult(NAME, false, String.valueOf(e.getMessage()) + ".");
        }
        if (google.isEmpty()) {
            return new ConnectionResult(NAME, false, GoogleSettings.KEY + " is not set.");
        }
        try {
            google.get().fetchAccessToken();
        } catch (IOException e) {
            return new ConnectionResult(NAME, false, tokenFailure(e));
        }
        List<String> passed = new ArrayList<>();
        Optional<String> calendarId = google.get().calendarId();
        if (calendarId.isPresent()) {
            try {
                google.get()
                        .calendar()
                        .events()
                        .list(calendarId.get())
                        .setMaxResults(1)
                        .execute();
                passed.add("reads the calendar");
            } catch (IOException e) {
                return new ConnectionResult(
                        NAME, false, readFailure(GoogleCalendarPush.SERVICE, GoogleSettings.CALENDAR_ID, e));
            }
        }
        Optional<String> sheetsId = google.get().sheetsId();
        if (sheetsId.isPresent()) {
            try {
                google.get().sheets().spreadsheets().get(sheetsId.get()).execute();
                passed.add("reads the spreadsheet");
            } catch (IOException e) {
                return new ConnectionResult(
                        NAME, false, readFailure(GoogleSheetsPush.SERVICE, GoogleSettings.SHEETS_ID, e));
            }
        }
        return new ConnectionResult(
                NAME, true, "Google accepted the service account key, which " + String.join(" and ", passed) + ".");
    }

    /** The library's message may quote the token endpoint's answer; only the kind of failure is named. */
    private static String tokenFailure(IOException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof SocketTimeoutException) {
                return "Getting an access token failed: the key's token_uri could not be reached ("
                        + cause.getClass().getSimpleName() + ").";
            }
            cause = cause.getCause();
        }
        return "Getting an access token failed: Google refused the service account key in " + GoogleSettings.KEY
                + " (is it current, or was it deleted?).";
    }

    private static String readFailure(String service, String setting, IOException e) {
        int status = GoogleFailures.status(e);
        if (status < 0) {
            return "The access token came, but " + service + " could not be reached ("
                    + e.getClass().getSimpleName() + ").";
        }
        String reason = GoogleFailures.reason(e);
        String hint = status == 404 || status == 403
                ? ": check " + setting + " and that it is shared with the service account's e-mail"
                : "";
        return "The access token came, but " + service + " answered " + status + (reason == null ? "" : " " + reason)
                + hint + ".";
    }
}
