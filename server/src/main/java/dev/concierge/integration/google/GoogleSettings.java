package dev.concierge.integration.google;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.CalendarScopes;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.SheetsScopes;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The Google account and targets from the environment: {@code GOOGLE_SERVICE_ACCOUNT_KEY} (a path to the service
 * account's JSON key, or the JSON itself), {@code GOOGLE_CALENDAR_ID}, {@code GOOGLE_SHEETS_ID}, and
 * {@code GOOGLE_API_ROOT_URL} (replaces the root URL of both APIs, for a local test server; the key's own
 * {@code token_uri} is always honoured). A key that cannot be read, or a target without a key, stops the start with a
 * message that names the setting and never its content.
 */
public final class GoogleSettings {
    static final String KEY = "GOOGLE_SERVICE_ACCOUNT_KEY";
    static final String CALENDAR_ID = "GOOGLE_CALENDAR_ID";
    static final String SHEETS_ID = "GOOGLE_SHEETS_ID";
    static final String ROOT_URL = "GOOGLE_API_ROOT_URL";
    /** What both clients wait for at most; well under the outbox's lease of a delivery. */
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private static final int READ_TIMEOUT_MS = 30_000;

    private final GoogleCredentials credentials;
    private final @Nullable String calendarId;
    private final @Nullable String sheetsId;
    private final @Nullable String rootUrl;
    private final String applicationName;
    private final HttpTransport transport;
    private final JsonFactory jsonFactory = GsonFactory.getDefaultInstance();

    private GoogleSettings(
            GoogleCredentials credentials,
            @Nullable String calendarId,
            @Nullable String sheetsId,
            @Nullable String rootUrl,
            String applicationName) {
        this.credentials = credentials;
        this.calendarId = calendarId;
        this.sheetsId = sheetsId;
        this.rootUrl = rootUrl;
        this.applicationName = applicationName;
        // the JDK's own trust store and HttpURLConnection: nothing to load, and it works offline
        this.transport = new NetHttpTransport();
    }

    /**
     * The Google settings when a key or a target is set; empty when none of them is.
     *
     * @param setting an integration setting by its conventional name, null when unset or blank
     * @throws IllegalArgumentException when the settings are incomplete or the key unreadable
     */
    public static Optional<GoogleSettings> fromSettings(Function<String, @Nullable String> setting, String version) {
        String key = setting.apply(KEY);
        String calendarId = trimmed(setting.apply(CALENDAR_ID));
        String sheetsId = trimmed(setting.apply(SHEETS_ID));
        String rootUrl = trimmed(setting.apply(ROOT_URL));
        if (key == null) {
            if (calendarId != null || sheetsId != null) {
                throw new IllegalArgumentException((calendarId != null ? CALENDAR_ID : SHEETS_ID) + " is set but " + KEY
                        + " is not: set it to the service account's JSON key (a path or the JSON itself)");
            }
            return Optional.empty();
        }
        if (calendarId == null && sheetsId == null) {
            throw new IllegalArgumentException(
                    KEY + " is set but neither " + CALENDAR_ID + " nor " + SHEETS_ID + " says what to sync");
        }
        return Optional.of(
                new GoogleSettings(credentials(key), calendarId, sheetsId, rootUrl(rootUrl), "Concierge/" + version));
    }

    private static @Nullable String trimmed(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The key as inline JSON or from the file it names; the message never carries the key. */
    private static GoogleCredentials credentials(String key) {
        String text = key.strip();
        if (!text.startsWith("{")) {
            try {
                text = Files.readString(Path.of(text), StandardCharsets.UTF_8);
            } catch (IOException | InvalidPathException e) {
                throw new IllegalArgumentException(
                        KEY + " is neither the key's JSON nor a readable file ("
                                + e.getClass().getSimpleName() + ")",
                        e);
            }
        }
        try {
            return ServiceAccountCredentials.fromStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                    .createScoped(List.of(CalendarScopes.CALENDAR, SheetsScopes.SPREADSHEETS));
        } catch (IOException | RuntimeException e) {
            // the library's message may quote the key's fields; only the kind of failure is named
            throw new IllegalArgumentException(
                    KEY + " is not a service account's JSON key (type, client_email, private_key, token_uri)");
        }
    }

    private static @Nullable String rootUrl(@Nullable String value) {
        if (value == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ROOT_URL + " is not a URL", e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(ROOT_URL + " must be an http or https URL");
        }
        return value.endsWith("/") ? value : value + "/";
    }

    public Optional<String> calendarId() {
        return Optional.ofNullable(calendarId);
    }

    public Optional<String> sheetsId() {
        return Optional.ofNullable(sheetsId);
    }

    /** Asks the key's {@code token_uri} for an access token now (the connection test's first step). */
    void fetchAccessToken() throws IOException {
        credentials.refresh();
    }

    /** Google's credentials on every request, and timeouts shorter than a delivery's lease. */
    private HttpRequestInitializer requests() {
        HttpCredentialsAdapter adapter = new HttpCredentialsAdapter(credentials);
        return request -> {
            adapter.initialize(request);
            request.setConnectTimeout(CONNECT_TIMEOUT_MS);
            request.setReadTimeout(READ_TIMEOUT_MS);
        };
    }

    Calendar calendar() {
        Calendar.Builder builder =
                new Calendar.Builder(transport, jsonFactory, requests()).setApplicationName(applicationName);
        if (rootUrl != null) {
            builder.setRootUrl(rootUrl);
        }
        return builder.build();
    }

    Sheets sheets() {
        Sheets.Builder builder =
                new Sheets.Builder(transport, jsonFactory, requests()).setApplicationName(applicationName);
        if (rootUrl != null) {
            builder.setRootUrl(rootUrl);
        }
        return builder.build();
    }
}
