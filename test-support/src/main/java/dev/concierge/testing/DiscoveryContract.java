package dev.concierge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Google API as its official discovery document describes it, for checking the requests a client really sends:
 * the path template and HTTP method, required path and query parameters, the names (and enum values) of query
 * parameters, and the property names of the request body against the method's request schema, recursively through
 * its {@code $ref}s, with the properties the schema marks as required for the method.
 */
public final class DiscoveryContract {
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{(\\+?)([A-Za-z0-9_.]+)}");

    private final JsonNode document;
    private final String servicePath;
    private final List<Method> methods = new ArrayList<>();

    /** One method of the document, e.g. {@code calendar.events.insert}. */
    public record Method(String id, String httpMethod, Pattern path, List<String> variables, JsonNode description) {}

    /** A request matched to its method, with its path parameters decoded. */
    public record Call(Method method, Map<String, String> pathParameters) {
        public String id() {
            return method.id();
        }
    }

    private DiscoveryContract(JsonNode document) {
        this.document = document;
        this.servicePath = document.path("servicePath").asText("");
        collect(document.path("resources"));
    }

    /** The discovery document at {@code file}. */
    public static DiscoveryContract read(Path file) {
        try {
            return new DiscoveryContract(new ObjectMapper().readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document named by the system property {@code property}; fails with how to set it. */
    public static DiscoveryContract fromProperty(String property) {
        String file = System.getProperty(property);
        if (file == null) {
            throw new IllegalStateException("set -D" + property + " to a discovery document under shared/specs/");
        }
        return read(Path.of(file));
    }

    private void collect(JsonNode resources) {
        for (Iterator<JsonNode> it = resources.elements(); it.hasNext(); ) {
            JsonNode resource = it.next();
            for (Iterator<JsonNode> ms = resource.path("methods").elements(); ms.hasNext(); ) {
                JsonNode method = ms.next();
                String template = method.has("flatPath")
                        ? method.get("flatPath").asText()
                        : method.get("path").asText();
                List<String> variables = new ArrayList<>();
                StringBuilder regex = new StringBuilder("/").append(Pattern.quote(servicePath));
                Matcher m = TEMPLATE_VARIABLE.matcher(template);
                int last = 0;
                while (m.find()) {
                    regex.append(Pattern.quote(template.substring(last, m.start())));
                    regex.append(m.group(1).isEmpty() ? "([^/]+)" : "(.+)");
                    variables.add(m.group(2));
                    last = m.end();
                }
                regex.append(Pattern.quote(template.substring(last)));
                methods.add(new Method(
                        method.get("id").asText(),
                        method.get("httpMethod").asText(),
                        Pattern.compile(regex.toString()),
                        variables,
                        method));
            }
            collect(resource.path("resources"));
        }
    }

    /**
     * The method that {@code httpMethod} on {@code rawPath} calls: the one whose template has the most literal text
     * among those that match (so {@code values:batchUpdate} is not taken for a spreadsheet id).
     */
    public Optional<Call> match(String httpMethod, String rawPath) {
        Call best = null;
        int bestLiteral = -1;
        for (Method method : methods) {
            if (!method.httpMethod().equals(httpMethod)) {
                continue;
            }
            Matcher m = method.path().matcher(rawPath);
            if (!m.matches()) {
                continue;
            }
            int literal = rawPath.length();
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < method.variables().size(); i++) {
                String value = m.group(i + 1);
                literal -= value.length();
                parameters.put(method.variables().get(i), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
            if (literal > bestLiteral) {
                best = new Call(method, parameters);
                bestLiteral = literal;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Everything about the call that the document does not allow; empty when it is a valid request. */
    public List<String> problems(Call call, Map<String, String> query, @Nullable JsonNode body) {
        List<String> problems = new ArrayList<>();
        JsonNode method = call.method().description();
        JsonNode parameters = method.path("parameters");
        JsonNode global = document.path("parameters");
        for (Map.Entry<String, JsonNode> parameter : parameters.properties()) {
            boolean required = parameter.getValue().path("required").asBoolean(false);
            String location = parameter.getValue().path("location").asText();
            if (required && location.equals("path") && !call.pathParameters().containsKey(parameter.getKey())) {
                problems.add(call.id() + ": path parameter " + parameter.getKey() + " missing");
            }
            if (required && location.equals("query") && !query.containsKey(parameter.getKey())) {
                problems.add(call.id() + ": required query parameter " + parameter.getKey() + " missing");
            }
        }
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            JsonNode described = parameters.has(parameter.getKey())
                    ? parameters.get(parameter.getKey())
                    : global.get(parameter.getKey());
            if (described == null
                    || (parameters.has(parameter.getKey())
                            && !described.path("location").asText().equals("query"))) {
                problems.add(call.id() + ": unknown query parameter " + parameter.getKey());
                continue;
            }
            JsonNode allowed = described.path("enum");
            if (allowed.isArray() && !contains(allowed, parameter.getValue())) {
                problems.add(call.id() + ": query parameter " + parameter.getKey() + " is not one of " + allowed);
            }
        }
        String request = method.path("request").path("$ref").asText(null);
        if (request == null) {
            if (body != null && !(body.isObject() && body.isEmpty())) {
                problems.add(call.id() + " takes no body, got one");
            }
        } else if (body == null) {
            problems.add(call.id() + " needs a " + request + " body");
        } else {
            checkObject(call.id(), request, schema(request), body, request, problems);
        }
        return problems;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (element.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode schema(String ref) {
        JsonNode schema = document.path("schemas").get(ref);
        if (schema == null) {
            throw new IllegalStateException("the discovery document has no schema " + ref);
        }
        return schema;
    }

    private void checkObject(
            String methodId, String where, JsonNode schema, JsonNode value, String name, List<String> problems) {
        if (!value.isObject()) {
            problems.add(methodId + ": " + where + " should be an object (" + name + "), is " + value.getNodeType());
            return;
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode requiredFor = property.getValue().path("annotations").path("required");
            if (contains(requiredFor, methodId) && !value.has(property.getKey())) {
                problems.add(methodId + ": " + where + "." + property.getKey() + " is required");
            }
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            JsonNode property = properties.get(field.getKey());
            if (property == null) {
                property = additional;
            }
            if (property == null) {
                problems.add(methodId + ": " + where + " has no property " + field.getKey() + " (" + name + ")");
                continue;
            }
            check(methodId, where + "." + field.getKey(), property, field.getValue(), problems);
        }
    }

    private void check(String methodId, String where, JsonNode property, JsonNode value, List<String> problems) {
        if (value.isNull()) {
            return;
        }
        if (property.has("$ref")) {
            String ref = property.get("$ref").asText();
            checkObject(methodId, where, schema(ref), value, ref, problems);
            return;
        }
        String type = property.path("type").asText("any");
        switch (type) {
            case "object" -> checkObject(methodId, where, property, value, "object", problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(methodId + ": " + where + " should be an array");
                    return;
                }
                int i = 0;
                for (JsonNode element : value) {
                    check(methodId, where + "[" + i++ + "]", property.path("items"), element, problems);
                }
            }
            case "string" -> {
                // int64 and date-time travel as strings; booleans and numbers are not strings
                if (!value.isTextual()) {
                    problems.add(methodId + ": " + where + " should be a string, is " + value.getNodeType());
                } else if (property.path("enum").isArray() && !contains(property.get("enum"), value.asText())) {
                    problems.add(methodId + ": " + where + " is not one of " + property.get("enum"));
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(methodId + ": " + where + " should be a boolean");
                }
            }
            case "integer", "number" -> {
                if (!value.isNumber()) {
                    problems.add(methodId + ": " + where + " should be a number");
                }
            }
            default -> {
                // "any": whatever JSON the client sends
            }
        }
    }

    /** The document's own identification, e.g. {@code calendar:v3}. */
    public String id() {
        return document.path("id").asText();
    }
}
