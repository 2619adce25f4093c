package dev.concierge.assistant.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.concierge.testing.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scripted conversations of {@code src/test/resources/conversations/*.yaml}, played against a running server as
 * a guest would, over {@code POST /api/chat}. A conversation succeeds when every turn's reply meets what the script
 * expects and its after-checks hold; the success rate per task and language is the assistant's score.
 *
 * <p>A script: {@code name}, {@code language}, {@code task}, optional {@code setup} (bookings made at the desk first,
 * {@code as} a name whose reference later lines write as {@code {name}}, {@code times} to repeat), {@code turns}
 * ({@code say} and {@code expect}: {@code contains}, {@code absent}, {@code booking} / {@code order} as true, false or
 * fields whose JSON text must contain the given text, {@code handoff}, {@code language}), and {@code after}
 * ({@code contact} found by {@code q} with fields to match, {@code booking} by {@code ref} with fields to match).
 */
final class ConversationSuite {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    private final RawHttp guest;
    private final RawHttp desk;

    /** {@code guest} carries the public key; {@code desk} a manager's token. */
    ConversationSuite(RawHttp guest, RawHttp desk) {
        this.guest = guest;
        this.desk = desk;
    }

    /** One script and how it went: the first thing that did not hold, or null when it all did. */
    record Outcome(String file, String name, String task, String language, List<String> turns, String failure) {
        boolean passed() {
            return failure == null;
        }
    }

    static List<JsonNode> load(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<JsonNode> scripts = new ArrayList<>();
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode script : YAML.readTree(file.toFile())) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) script)
                            .put("file", file.getFileName().toString());
                    scripts.add(script);
                }
            }
            return scripts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Outcome play(JsonNode script) {
        Map<String, String> names = new HashMap<>();
        List<String> transcript = new ArrayList<>();
        String failure = null;
        try {
            failure = setUp(script.path("setup"), names);
            String conversationId = null;
            for (Iterator<JsonNode> turns = script.path("turns").elements(); failure == null && turns.hasNext(); ) {
                JsonNode turn = turns.next();
                String message = fill(turn.path("say").asText(), names);
                ObjectMapper json = new ObjectMapper();
                var body = json.createObjectNode().put("message", message).put("channel", "web");
                if (conversationId != null) {
                    body.put("conversationId", conversationId);
                }
                RawHttp.Response response = guest.postJson("/api/chat", body.toString());
                transcript.add("guest: " + message);
                if (response.status() != 200) {
                    failure = "HTTP " + response.status() + " " + response.body();
                    break;
                }
                JsonNode reply = response.json();
                conversationId = reply.path("conversationId").asText();
                transcript.add("assistant: " + reply.path("reply").asText());
                failure = check(turn.path("expect"), reply, names);
            }
            if (failure == null) {
                failure = after(script.path("after"), names);
            }
        } catch (RuntimeException e) {
            failure = e.toString();
        }
        return new Outcome(
                script.path("file").asText(),
                script.path("name").asText(),
                script.path("task").asText(),
                script.path("language").asText("en"),
                transcript,
                failure);
    }

    private String setUp(JsonNode setup, Map<String, String> names) {
        for (JsonNode step : setup) {
            int times = step.path("times").asInt(1);
            for (int i = 0; i < times; i++) {
                RawHttp.Response made =
                        desk.postJson("/api/staff/bookings", step.path("book").toString());
                if (made.status() != 201 && made.status() != 200) {
                    return "setup booking refused: " + made.status() + " " + made.body();
                }
                if (step.has("as")) {
                    names.put(
                            step.path("as").asText(),
                            made.json().path("reference").asText());
                }
            }
        }
        return null;
    }

    private static String check(JsonNode expect, JsonNode reply, Map<String, String> names) {
        String text = reply.path("reply").asText();
        String lower = text.toLowerCase(Locale.ROOT);
        for (JsonNode wanted : expect.path("contains")) {
            if (!lower.contains(fill(wanted.asText(), names).toLowerCase(Locale.ROOT))) {
                return "reply lacks \"" + fill(wanted.asText(), names) + "\": " + text;
            }
        }
        for (JsonNode unwanted : expect.path("absent")) {
            if (lower.contains(fill(unwanted.asText(), names).toLowerCase(Locale.ROOT))) {
                return "reply has \"" + unwanted.asText() + "\": " + text;
            }
        }
        for (String part : List.of("booking", "order")) {
            if (expect.has(part)) {
                String problem = matches(part, expect.path(part), reply.path(part), names);
                if (problem != null) {
                    return problem + " — reply: " + text;
                }
            }
        }
        if (expect.has("handoff")
                && expect.path("handoff").asBoolean() != reply.path("handoff").asBoolean()) {
            return "handoff " + reply.path("handoff").asBoolean() + ", expected " + expect.path("handoff") + ": "
                    + text;
        }
        if (expect.has("language")
                && !expect.path("language")
                        .asText()
                        .equals(reply.path("language").asText())) {
            return "answered in " + reply.path("language").asText() + ": " + text;
        }
        return null;
    }

    /** {@code true}/{@code false} for present or absent, or fields whose JSON text must contain the given text. */
    private static String matches(String what, JsonNode expected, JsonNode actual, Map<String, String> names) {
        boolean present = !actual.isMissingNode() && !actual.isNull();
        if (expected.isBoolean()) {
            return expected.asBoolean() == present ? null : what + (present ? " made" : " missing");
        }
        if (!present) {
            return what + " missing";
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String value = actual.at("/" + field.getKey().replace('.', '/')).toString();
            String wanted = fill(field.getValue().asText(), names);
            if (!value.contains(wanted)) {
                return what + "." + field.getKey() + " is " + value + ", expected " + wanted;
            }
        }
        return null;
    }

    private String after(JsonNode after, Map<String, String> names) {
        if (after.has("contact")) {
            JsonNode wanted = after.path("contact");
            String q = URLEncoder.encode(fill(wanted.path("q").asText(), names), StandardCharsets.UTF_8);
            JsonNode found = desk.get("/api/staff/contacts?q=" + q).json();
            JsonNode contact =
                    found.isArray() ? found.path(0) : found.path("contacts").path(0);
            String problem = matches("contact", without(wanted, "q"), contact, names);
            if (problem != null) {
                return problem;
            }
        }
        if (after.has("booking")) {
            JsonNode wanted = after.path("booking");
            String reference = fill("{" + wanted.path("ref").asText() + "}", names);
            JsonNode found = desk.get("/api/staff/bookings?q=" + reference).json();
            JsonNode booking =
                    found.isArray() ? found.path(0) : found.path("bookings").path(0);
            return matches("booking", without(wanted, "ref"), booking, names);
        }
        return null;
    }

    private static JsonNode without(JsonNode node, String field) {
        var copy = node.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(field);
        return copy;
    }

    private static String fill(String text, Map<String, String> names) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(names.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    /**
     * Success per task and language, per task, per language and in all (the ALL rows): "task  language
     * passed/total  rate".
     */
    static String table(List<Outcome> outcomes) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Outcome o : outcomes) {
            for (String key :
                    List.of(o.task() + "\t" + o.language(), o.task() + "\tall", "~all\t" + o.language(), "~all\tall")) {
                int[] c = counts.computeIfAbsent(key, k -> new int[2]);
                c[0] += o.passed() ? 1 : 0;
                c[1]++;
            }
        }
        StringBuilder out =
                new StringBuilder(String.format(Locale.ROOT, "%-16s %-8s %9s %7s%n", "task", "lang", "passed", "rate"));
        counts.forEach((key, c) -> {
            String[] parts = key.split("\t");
            out.append(String.format(
                    Locale.ROOT,
                    "%-16s %-8s %4d/%-4d %6.1f%%%n",
                    parts[0].equals("~all") ? "ALL" : parts[0],
                    parts[1],
                    c[0],
                    c[1],
                    100.0 * c[0] / c[1]));
        });
        return out.toString();
    }
}
