package dev.concierge.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Google on a loopback port for the product's official Google clients: the OAuth token endpoint of a test service
 * account ({@link #serviceAccountKey()}, whose {@code token_uri} points here; the JWT-bearer grant's RS256 signature
 * is verified with the key's public half), Calendar events (insert, get, update, delete, list with sync tokens) and
 * Sheets values ({@code batchUpdate}, {@code get}). Request bodies are gunzipped, and every request is checked
 * against the official discovery documents (system properties {@code google.calendar.spec},
 * {@code google.sheets.spec}): breaches are answered 400 and kept as {@link #problems() problems}.
 */
public final class FakeGoogle implements AutoCloseable {
    /** The audience a service account's JWT carries, whatever its token_uri (STACK.md section 6). */
    public static final String TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";

    private static final String CLIENT_EMAIL = "concierge-test@concierge-local.iam.gserviceaccount.com";
    private static final Pattern EVENT_ID = Pattern.compile("[a-v0-9]{5,1024}");
    private static final Pattern A1_RANGE = Pattern.compile("(?:(?:'[^']+'|[^!]+)!)?([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)");

    private final ObjectMapper json = new ObjectMapper();
    private final List<DiscoveryContract> contracts;
    private final KeyPair keys;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** calendar id → event id → event; a deleted event stays, with status cancelled, as Google keeps it. */
    private final Map<String, Map<String, StoredEvent>> calendars = new HashMap<>();
    /** spreadsheet id → row number → cells from column A. */
    private final Map<String, TreeMap<Integer, List<Object>>> sheets = new HashMap<>();

    private volatile Duration delay = Duration.ZERO;
    private long changes;
    /** Sync tokens of an earlier change than this answer 410 (Google's "full sync required"). */
    private long syncTokensValidFrom;

    private final LoopbackServer http;

    /** One request as it arrived; {@code methodId} is the discovery method ({@code calendar.events.insert}). */
    public record Recorded(
            String httpMethod,
            String path,
            @Nullable String methodId,
            Map<String, String> query,
            @Nullable JsonNode body,
            int status,
            Instant at) {}

    private record StoredEvent(ObjectNode event, long change) {}

    /** How the next call of {@code methodId} goes wrong. */
    private record Scripted(
            String methodId, int status, @Nullable String retryAfter, boolean afterDoing) {}

    private record Answer(int status, @Nullable String body, Map<String, String> headers) {
        static Answer of(int status, @Nullable String body) {
            return new Answer(status, body, Map.of());
        }
    }

    private FakeGoogle(List<DiscoveryContract> contracts) {
        this.contracts = contracts;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.http = new LoopbackServer("fake-google", 4, 32, this::handle);
    }

    /** A fake Google on a free port, checking requests against the discovery documents the system properties name. */
    public static FakeGoogle start() {
        FakeGoogle google = new FakeGoogle(List.of(
                DiscoveryContract.fromProperty("google.calendar.spec"),
                DiscoveryContract.fromProperty("google.sheets.spec")));
        google.listen();
        return google;
    }

    /** Answers again (after {@link #stopListening()}). */
    public void listen() {
        http.listen();
    }

    /** Refuses connections, as Google does when the venue's internet is down. */
    public void stopListening() {
        http.stopListening();
    }

    /** What {@code GOOGLE_API_ROOT_URL} is set to. */
    public String rootUrl() {
        return "http://127.0.0.1:" + http.port() + "/";
    }

    /** A service account's JSON key (as Google's console downloads it) whose token_uri is this server. */
    public String serviceAccountKey() {
        ObjectNode key = json.createObjectNode();
        key.put("type", "service_account");
        key.put("project_id", "concierge-local");
        key.put("private_key_id", "test-key-1");
        key.put(
                "private_key",
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(keys.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
        key.put("client_email", CLIENT_EMAIL);
        key.put("client_id", "100000000000000000001");
        key.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        key.put("token_uri", "http://127.0.0.1:" + http.port() + "/token");
        return key.toString();
    }

    /** The environment that points a server at this fake: the key inline, and both targets. */
    public Map<String, String> serverEnvironment(String calendarId, String spreadsheetId) {
        return Map.of(
                "GOOGLE_SERVICE_ACCOUNT_KEY",
                serviceAccountKey(),
                "GOOGLE_CALENDAR_ID",
                calendarId,
                "GOOGLE_SHEETS_ID",
                spreadsheetId,
                "GOOGLE_API_ROOT_URL",
                rootUrl());
    }

    /** The next call of {@code methodId} is answered {@code status} (with {@code Retry-After} when not null). */
    public void failNext(String methodId, int status, @Nullable String retryAfter) {
        script.add(new Scripted(methodId, status, retryAfter, false));
    }

    /** The next call of {@code methodId} is carried out, then answered 503: the client never learns it worked. */
    public void loseNextAnswer(String methodId) {
        script.add(new Scripted(methodId, 503, null, true));
    }

    /** Every later API call takes this long to answer (a slow Google), so concurrent calls queue up. */
    public void delay(Duration perCall) {
        this.delay = perCall;
    }

    /** Every sync token issued so far answers 410 Gone, as when Google expires them. */
    public synchronized void expireSyncTokens() {
        changes++;
        syncTokensValidFrom = changes;
    }

    /** A manager adds an event in Google Calendar (not one of ours); answers its id. */
    public synchronized String addEvent(String calendarId, String summary, Instant start, Instant end) {
        String id = "manual" + ids.incrementAndGet();
        ObjectNode event = json.createObjectNode();
        event.put("kind", "calendar#event");
        event.put("id", id);
        event.put("status", "confirmed");
        event.put("summary", summary);
        event.putObject("start").put("dateTime", start.toString());
        event.putObject("end").put("dateTime", end.toString());
        store(calendarId, id, event);
        return id;
    }

    /** A manager deletes an event in Google Calendar. */
    public synchronized void removeEvent(String calendarId, String eventId) {
        StoredEvent stored = calendar(calendarId).get(eventId);
        if (stored != null) {
            ObjectNode event = stored.event().deepCopy();
            event.put("status", "cancelled");
            store(calendarId, eventId, event);
        }
    }

    /** The events of {@code calendarId} by id, deleted ones included (status cancelled). */
    public synchronized Map<String, JsonNode> events(String calendarId) {
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        calendar(calendarId).forEach((id, stored) -> copy.put(id, stored.event().deepCopy()));
        return copy;
    }

    /** The rows of {@code spreadsheetId}: row number → cells from column A. */
    public synchronized Map<Integer, List<Object>> rows(String spreadsheetId) {
        return new TreeMap<>(sheets.computeIfAbsent(spreadsheetId, id -> new TreeMap<>()));
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests that called {@code methodId}. */
    public List<Recorded> requests(String methodId) {
        return requests().stream().filter(r -> methodId.equals(r.methodId())).toList();
    }

    /** What the product sent that Google (or its description) would not accept. */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** Waits until {@code condition} holds; fails the test after {@code timeout}. */
    public void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; "
                        + requests().size() + " requests, problems " + problems());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                    raw = gunzip.readAllBytes();
                }
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            String[] methodId = {null};
            JsonNode parsed = null;
            Answer answer;
            if (method.equals("POST") && path.equals("/token")) {
                answer = token(form(body));
            } else {
                try {
                    parsed = body.isBlank() ? null : json.readTree(body);
                    answer = api(exchange, method, path, query, parsed, methodId);
                } catch (JsonProcessingException e) {
                    answer = problem(400, "badRequest", method + " " + path + ": the body is not JSON");
                }
            }
            requests.add(new Recorded(method, path, methodId[0], query, parsed, answer.status(), Instant.now()));
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            if (answer.body() == null) {
                exchange.sendResponseHeaders(answer.status(), -1);
            } else {
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
                exchange.sendResponseHeaders(answer.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        } catch (RuntimeException e) {
            problems.add("the fake failed: " + e);
            exchange.sendResponseHeaders(500, -1);
        }
    }

    /** The JWT-bearer grant of a service account: its signature, issuer, audience, scopes and lifetime. */
    private Answer token(Map<String, String> form) {
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
            return problem(400, "unsupported_grant_type", "token: grant_type " + form.get("grant_type"));
        }
        String assertion = form.getOrDefault("assertion", "");
        String[] parts = assertion.split("\\.", -1);
        if (parts.length != 3) {
            return problem(400, "invalid_grant", "token: the assertion is not a JWT");
        }
        try {
            JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(keys.getPublic());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            long now = Instant.now().getEpochSecond();
            String wrong = !"RS256".equals(header.path("alg").asText())
                    ? "alg " + header.path("alg")
                    : !rs256.verify(Base64.getUrlDecoder().decode(parts[2]))
                            ? "the signature does not verify"
                            : !CLIENT_EMAIL.equals(claims.path("iss").asText())
                                    ? "iss " + claims.path("iss")
                                    : !TOKEN_AUDIENCE.equals(claims.path("aud").asText())
                                            ? "aud " + claims.path("aud")
                                            : claims.path("exp").asLong() < now
                                                    ? "expired"
                                                    : !claims.path("scope")
                                                                    .asText()
                                                                    .contains("https://www.googleapis.com/auth/")
                                                            ? "scope " + claims.path("scope")
                                                            : null;
            if (wrong != null) {
                return problem(400, "invalid_grant", "token: " + wrong);
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return problem(400, "invalid_grant", "token: unreadable assertion: " + e);
        }
        String token = "ya29.fake-" + ids.incrementAndGet();
        tokens.add(token);
        return Answer.of(200, "{\"access_token\":\"" + token + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
    }

    private Answer api(
            HttpExchange exchange,
            String method,
            String path,
            Map<String, String> query,
            @Nullable JsonNode body,
            String[] methodId) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring("Bearer ".length()))) {
            return problem(401, "authError", method + " " + path + " without a token this server issued");
        }
        DiscoveryContract.Call call = null;
        List<String> found = new ArrayList<>();
        for (DiscoveryContract contract : contracts) {
            Optional<DiscoveryContract.Call> match = contract.match(method, path);
            if (match.isPresent()) {
                call = match.get();
                found = contract.problems(call, query, body);
                break;
            }
        }
        if (call == null) {
            return problem(404, "notFound", method + " " + path + " is no method of the discovery documents");
        }
        methodId[0] = call.id();
        if (!found.isEmpty()) {
            problems.addAll(found);
            return error(400, "invalid", String.join("; ", found));
        }
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Scripted scripted = nextScripted(call.id());
        if (scripted != null && !scripted.afterDoing()) {
            return scriptedAnswer(scripted);
        }
        Answer answer = route(call, query, body);
        return scripted != null && answer.status() < 300 ? scriptedAnswer(scripted) : answer;
    }

    private @Nullable Scripted nextScripted(String methodId) {
        for (Scripted scripted : script) {
            if (scripted.methodId().equals(methodId) && script.remove(scripted)) {
                return scripted;
            }
        }
        return null;
    }

    private Answer scriptedAnswer(Scripted scripted) {
        String reason = switch (scripted.status()) {
            case 400 -> "invalid";
            case 403 -> "forbidden";
            case 404 -> "notFound";
            case 429 -> "rateLimitExceeded";
            default -> "backendError";
        };
        Answer answer = error(scripted.status(), reason, "scripted failure");
        return scripted.retryAfter() == null
                ? answer
                : new Answer(answer.status(), answer.body(), Map.of("Retry-After", scripted.retryAfter()));
    }

    private synchronized Answer route(DiscoveryContract.Call call, Map<String, String> query, @Nullable JsonNode body) {
        Map<String, String> at = call.pathParameters();
        String calendarId = at.getOrDefault("calendarId", "");
        String eventId = at.getOrDefault("eventId", "");
        // the contract checked that the methods with a request have an object body
        ObjectNode object = body instanceof ObjectNode given ? given : json.createObjectNode();
        return switch (call.id()) {
            case "calendar.events.insert" -> insert(calendarId, object);
            case "calendar.events.get" -> get(calendarId, eventId);
            case "calendar.events.update" -> update(calendarId, eventId, object);
            case "calendar.events.delete" -> delete(calendarId, eventId);
            case "calendar.events.list" -> list(calendarId, query);
            case "sheets.spreadsheets.values.batchUpdate" -> batchUpdate(at.getOrDefault("spreadsheetId", ""), object);
            case "sheets.spreadsheets.get" -> spreadsheet(at.getOrDefault("spreadsheetId", ""));
            default -> problem(501, "notImplemented", call.id() + " is not something the product should call");
        };
    }

    /** Any spreadsheet exists, with one sheet: what the connection test reads. */
    private Answer spreadsheet(String spreadsheetId) {
        ObjectNode spreadsheet = json.createObjectNode();
        spreadsheet.put("spreadsheetId", spreadsheetId);
        spreadsheet.putObject("properties").put("title", "Concierge CRM");
        spreadsheet
                .putArray("sheets")
                .addObject()
                .putObject("properties")
                .put("sheetId", 0)
                .put("title", "Sheet1");
        return Answer.of(200, spreadsheet.toString());
    }

    private Map<String, StoredEvent> calendar(String calendarId) {
        return calendars.computeIfAbsent(calendarId, id -> new LinkedHashMap<>());
    }

    private void store(String calendarId, String eventId, ObjectNode event) {
        changes++;
        event.put("updated", Instant.now().toString());
        event.put("etag", "\"" + changes + "\"");
        calendar(calendarId).put(eventId, new StoredEvent(event, changes));
    }

    private Answer insert(String calendarId, ObjectNode event) {
        String id = event.path("id").asText(null);
        if (id == null) {
            id = "fake" + ids.incrementAndGet();
        } else if (!EVENT_ID.matcher(id).matches()) {
            return problem(400, "invalid", "calendar.events.insert: id " + id + " is not base32hex of 5-1024");
        }
        if (calendar(calendarId).containsKey(id)) {
            return error(409, "duplicate", "The requested identifier already exists.");
        }
        ObjectNode stored = event.deepCopy();
        stored.put("kind", "calendar#event");
        stored.put("id", id);
        if (!stored.has("status")) {
            stored.put("status", "confirmed");
        }
        store(calendarId, id, stored);
        return Answer.of(200, stored.toString());
    }

    private Answer get(String calendarId, String eventId) {
        StoredEvent stored = calendar(calendarId).get(eventId);
        return stored == null
                ? error(404, "notFound", "Not Found")
                : Answer.of(200, stored.event().toString());
    }

    private Answer update(String calendarId, String eventId, ObjectNode event) {
        if (!calendar(calendarId).containsKey(eventId)) {
            return error(404, "notFound", "Not Found");
        }
        ObjectNode stored = event.deepCopy();
        stored.put("kind", "calendar#event");
        stored.put("id", eventId);
        if (!stored.has("status")) {
            stored.put("status", "confirmed");
        }
        store(calendarId, eventId, stored);
        return Answer.of(200, stored.toString());
    }

    private Answer delete(String calendarId, String eventId) {
        StoredEvent stored = calendar(calendarId).get(eventId);
        if (stored == null) {
            return error(404, "notFound", "Not Found");
        }
        if ("cancelled".equals(stored.event().path("status").asText())) {
            return error(410, "deleted", "Resource has been deleted");
        }
        ObjectNode event = stored.event().deepCopy();
        event.put("status", "cancelled");
        store(calendarId, eventId, event);
        return Answer.of(204, null);
    }

    /** A full list (deleted events only with showDeleted), or the changes since a sync token, deleted ones included. */
    private Answer list(String calendarId, Map<String, String> query) {
        String syncToken = query.get("syncToken");
        long since = 0;
        if (syncToken != null) {
            if (query.containsKey("timeMin") || query.containsKey("timeMax") || query.containsKey("orderBy")) {
                return problem(400, "invalid", "calendar.events.list: syncToken with timeMin/timeMax/orderBy");
            }
            since = Long.parseLong(syncToken.substring("sync-".length()));
            if (since < syncTokensValidFrom) {
                return error(410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
            }
        }
        boolean showDeleted = syncToken != null || "true".equals(query.get("showDeleted"));
        List<ObjectNode> matching = new ArrayList<>();
        for (StoredEvent stored : calendar(calendarId).values()) {
            if (stored.change() > since
                    && (showDeleted
                            || !"cancelled".equals(stored.event().path("status").asText()))) {
                matching.add(stored.event());
            }
        }
        int offset = query.containsKey("pageToken") ? Integer.parseInt(query.get("pageToken")) : 0;
        int size = query.containsKey("maxResults") ? Integer.parseInt(query.get("maxResults")) : 250;
        ObjectNode page = json.createObjectNode();
        page.put("kind", "calendar#events");
        ArrayNode items = page.putArray("items");
        matching.stream().skip(offset).limit(size).forEach(items::add);
        if (offset + size < matching.size()) {
            page.put("nextPageToken", Integer.toString(offset + size));
        } else {
            page.put("nextSyncToken", "sync-" + changes);
        }
        return Answer.of(200, page.toString());
    }

    /** Writes each range's rows at their fixed place; appends nothing. */
    private Answer batchUpdate(String spreadsheetId, ObjectNode request) {
        String option = request.path("valueInputOption").asText();
        if (!option.equals("RAW") && !option.equals("USER_ENTERED")) {
            return problem(400, "invalid", "values.batchUpdate: valueInputOption " + option);
        }
        TreeMap<Integer, List<Object>> sheet = sheets.computeIfAbsent(spreadsheetId, id -> new TreeMap<>());
        int cells = 0;
        int rows = 0;
        for (JsonNode range : request.path("data")) {
            Matcher a1 = A1_RANGE.matcher(range.path("range").asText());
            if (!a1.matches() || !a1.group(1).equals("A")) {
                return problem(
                        400, "invalid", "values.batchUpdate: range " + range.path("range") + " is not A<n>:<X><m>");
            }
            int first = Integer.parseInt(a1.group(2));
            int last = Integer.parseInt(a1.group(4));
            int width = column(a1.group(3));
            JsonNode values = range.path("values");
            if (values.size() > last - first + 1) {
                return problem(400, "invalid", "values.batchUpdate: more rows than range " + range.path("range"));
            }
            for (int i = 0; i < values.size(); i++) {
                JsonNode row = values.get(i);
                if (row.size() > width) {
                    return problem(400, "invalid", "values.batchUpdate: a row wider than " + range.path("range"));
                }
                List<Object> written = new ArrayList<>();
                for (JsonNode cell : row) {
                    written.add(
                            cell.isBoolean() ? cell.asBoolean() : cell.isNumber() ? cell.numberValue() : cell.asText());
                    cells++;
                }
                sheet.put(first + i, written);
                rows++;
            }
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("spreadsheetId", spreadsheetId);
        answer.put("totalUpdatedRows", rows);
        answer.put("totalUpdatedCells", cells);
        return Answer.of(200, answer.toString());
    }

    private static int column(String letters) {
        int column = 0;
        for (int i = 0; i < letters.length(); i++) {
            column = column * 26 + (letters.charAt(i) - 'A' + 1);
        }
        return column;
    }

    private Answer problem(int status, String reason, String message) {
        problems.add(message);
        return error(status, reason, message);
    }

    /** Google's error shape: {@code {"error": {"code", "message", "errors": [{"domain", "reason", "message"}]}}}. */
    private Answer error(int status, String reason, String message) {
        ObjectNode root = json.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", status);
        error.put("message", message);
        error.putArray("errors")
                .addObject()
                .put("domain", status == 429 ? "usageLimits" : "global")
                .put("reason", reason)
                .put("message", message);
        return Answer.of(status, root.toString());
    }

    private static Map<String, String> form(@Nullable String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    @Override
    public void close() {
        stopListening();
    }
}
