package dev.concierge.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The official OpenAI description of {@code POST /chat/completions} ({@code shared/specs/openai-chat.yaml}), to
 * check what the product sends and what a fake answers.
 *
 * <p>The description says OpenAPI 3.1, which swagger-request-validator does not read; its schemas are written in
 * 3.0 style but for three things, adapted here without loosening a schema: it is read as 3.0.3 (a {@code type:
 * 'null'} alternative is plain JSON Schema draft 4, which the validator runs), only what {@code /chat/completions}
 * reaches is kept (the transcription schemas use 3.1-only keywords), and each discriminator gets the explicit mapping
 * 3.0 needs (3.1 tools map a value to the alternative whose property has it as its enum). Extra properties are not
 * reported: the validator would otherwise forbid them inside every {@code allOf}, and the description forbids them
 * only in custom tool formats the product does not use.
 */
public final class OpenAiContract {
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PATH = "/chat/completions";

    private final OpenApiInteractionValidator validator;
    /** {@code CreateTranscriptionRequest} as the description has it (multipart, which the validator does not read). */
    private final JsonNode transcriptionRequest;

    private OpenAiContract(OpenApiInteractionValidator validator, JsonNode transcriptionRequest) {
        this.validator = validator;
        this.transcriptionRequest = transcriptionRequest;
    }

    /** The description at {@code file} (about 2 s to load; load it once per test class). */
    public static OpenAiContract load(Path file) {
        try {
            ObjectNode spec = (ObjectNode) new YAMLMapper().readTree(Files.readString(file));
            JsonNode transcription = spec.path("components")
                    .path("schemas")
                    .path("CreateTranscriptionRequest")
                    .deepCopy();
            String adapted = new ObjectMapper().writeValueAsString(asOpenApi30(spec));
            return new OpenAiContract(
                    OpenApiInteractionValidator.createForInlineApiSpecification(adapted)
                            .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
                            .build(),
                    transcription);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAI description " + file, e);
        }
    }

    /** The description named by the system property {@code openai.spec} (the build sets it to shared/specs/). */
    public static OpenAiContract fromSystemProperty() {
        String file = System.getProperty("openai.spec");
        if (file == null) {
            throw new IllegalStateException("set -Dopenai.spec to the path of shared/specs/openai-chat.yaml");
        }
        return load(Path.of(file));
    }

    /**
     * What is wrong with a {@code POST /audio/transcriptions}: multipart form data whose parts are the
     * {@code CreateTranscriptionRequest}'s properties, its required ones present, the file with a file name.
     *
     * @param parts each part's name and whether it came with a file name
     */
    public List<String> transcriptionProblems(@Nullable String contentType, Map<String, Boolean> parts) {
        List<String> problems = new java.util.ArrayList<>();
        if (contentType == null || !contentType.startsWith("multipart/form-data")) {
            problems.add("a transcription must be multipart/form-data, not " + contentType);
        }
        transcriptionRequest.path("required").forEach(required -> {
            if (!parts.containsKey(required.asText())) {
                problems.add("required part " + required.asText() + " is missing");
            }
        });
        JsonNode properties = transcriptionRequest.path("properties");
        parts.keySet().stream()
                .filter(name -> !properties.has(name.replace("[]", "")))
                .forEach(name -> problems.add("part " + name + " is not in CreateTranscriptionRequest"));
        if (Boolean.FALSE.equals(parts.get("file"))) {
            problems.add("the file part has no file name, so the service cannot tell its format");
        }
        return problems;
    }

    /** What is wrong with a request to {@code path} (e.g. {@code /v1/chat/completions}), or nothing. */
    public List<String> requestProblems(String path, Map<String, List<String>> headers, String body) {
        return messages(validator.validateRequest(request(path, headers, body)));
    }

    /** What is wrong with a {@code status} answer with {@code body} to that request, or nothing. */
    public List<String> responseProblems(
            String path, Map<String, List<String>> headers, String body, int status, String answer) {
        ValidationReport report = validator.validate(
                request(path, headers, body),
                SimpleResponse.Builder.status(status)
                        .withContentType("application/json")
                        .withBody(answer)
                        .build());
        return messages(report);
    }

    private static Request request(String path, Map<String, List<String>> headers, String body) {
        SimpleRequest.Builder request = SimpleRequest.Builder.post(path).withBody(body);
        headers.forEach(request::withHeader);
        return request.build();
    }

    private static List<String> messages(ValidationReport report) {
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                problems.add(message.getKey() + ": " + message.getMessage());
            }
        }
        return problems;
    }

    private static ObjectNode asOpenApi30(ObjectNode spec) {
        spec.put("openapi", "3.0.3");
        JsonNode license = spec.path("info").path("license");
        if (license instanceof ObjectNode l) {
            l.remove("identifier"); // 3.1 only
        }
        ObjectNode paths = (ObjectNode) spec.required("paths");
        paths.retain(PATH);
        ObjectNode components = (ObjectNode) spec.required("components");
        ObjectNode schemas = (ObjectNode) components.required("schemas");
        // the schemas the path reaches, directly or through the shared responses
        Set<String> reached = new HashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.add(paths);
        components.properties().forEach(e -> {
            if (!e.getKey().equals("schemas")) {
                todo.add(e.getValue());
            }
        });
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.asText().startsWith(SCHEMAS)) {
                String name = ref.asText().substring(SCHEMAS.length());
                JsonNode schema = schemas.get(name);
                if (reached.add(name) && schema != null) {
                    todo.add(schema);
                }
            }
            node.forEach(todo::add);
        }
        schemas.retain(reached);
        mapDiscriminators(spec, schemas);
        return spec;
    }

    private static void mapDiscriminators(JsonNode node, ObjectNode schemas) {
        JsonNode discriminator = node.get("discriminator");
        if (discriminator instanceof ObjectNode d && !d.has("mapping")) {
            String property = d.path("propertyName").asText();
            ObjectNode mapping = d.putObject("mapping");
            JsonNode alternatives = node.has("oneOf") ? node.get("oneOf") : node.path("anyOf");
            for (JsonNode alternative : alternatives) {
                String ref = alternative.path("$ref").asText();
                JsonNode target = schemas.path(ref.replace(SCHEMAS, ""));
                for (JsonNode value : target.path("properties").path(property).path("enum")) {
                    mapping.put(value.asText(), ref);
                }
            }
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            mapDiscriminators(children.next(), schemas);
        }
    }
}
