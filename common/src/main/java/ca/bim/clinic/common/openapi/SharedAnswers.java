package ca.bim.clinic.common.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Declares the answers every service shares (problem bodies, rate-limit and request-id headers) once as components,
 * and makes each operation reference them instead of repeating them:
 * <ul>
 * <li>every operation documents 429, 500 and 503; a secured one 401 and 403; one with parameters or a body 400;</li>
 * <li>a 400, 401, 403, 404, 409, 422, 429, 500 or 503 a resource declares becomes a reference to the shared answer,
 * keeping the resource's own description (OpenAPI 3.1 lets a reference override it);</li>
 * <li>every other answer carries {@code X-Request-Id} and the {@code RateLimit-*} headers, a 201 also
 * {@code Location};</li>
 * <li>security requirements list no scopes: the realm's roles are not OAuth2 scopes, so an operation's roles go
 * into its description instead.</li>
 * </ul>
 * Resources then declare only what is specific to an operation.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SharedAnswers implements OASFilter {

    public static final String PROBLEM = "Problem";
    public static final String VALIDATION_PROBLEM = "ValidationProblem";
    public static final String VIOLATION = "ProblemViolation";

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String HEADERS = "#/components/headers/";
    private static final String RESPONSES = "#/components/responses/";
    private static final List<String> RATE_LIMIT = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

    /** Status code -> the shared answer's name, its title and the default description. */
    private record Answer(String name, String title, String description, String detail) {
    }

    private static final Map<String, Answer> ANSWERS = new LinkedHashMap<>();

    static {
        ANSWERS.put("400", new Answer("BadRequest", "Bad Request",
                "The request is malformed or a field is invalid; `violations` names each field",
                "Invalid request"));
        ANSWERS.put("401", new Answer("Unauthorized", "Unauthorized",
                "No valid bearer token (missing, expired, wrong issuer or audience)", "Authentication is required"));
        ANSWERS.put("403", new Answer("Forbidden", "Forbidden",
                "The token is valid but its roles or the caller's relation to the record do not allow this",
                "Not allowed for this caller"));
        ANSWERS.put("404", new Answer("NotFound", "Not Found",
                "No such resource, or one the caller may not know about", "No such resource"));
        ANSWERS.put("409", new Answer("Conflict", "Conflict",
                "The request conflicts with the current state (taken, changed concurrently, illegal state change)",
                "The resource changed concurrently"));
        ANSWERS.put("422", new Answer("UnprocessableContent", "Unprocessable Content",
                "Well-formed, but refers to something that does not exist or cannot be used", "Unknown reference"));
        ANSWERS.put("429", new Answer("TooManyRequests", "Too Many Requests",
                "The caller's request budget is spent; retry after `Retry-After` seconds", "Rate limit exceeded"));
        ANSWERS.put("500", new Answer("InternalServerError", "Internal Server Error",
                "An unexpected failure; the `X-Request-Id` header identifies it in the logs", "Unexpected failure"));
        ANSWERS.put("503", new Answer("ServiceUnavailable", "Service Unavailable",
                "A service or database this operation needs cannot be reached; nothing was changed",
                "Try again later"));
    }

    /** Texts Quarkus generates itself: 401/403 from its security filter, 400 for validated input. */
    private static final Set<String> GENERIC = Set.of("Not Authorized", "Not Allowed", "Bad Request");
    private static final Set<String> ALWAYS = Set.of("429", "500", "503");
    private static final Set<String> WHEN_SECURED = Set.of("401", "403");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        addSchemas(components);
        addHeaders(components);
        addResponses(components);
        if (components.getSchemas() != null) {
            // The problem extension's own schemas are replaced by the shared ones.
            components.removeSchema("HttpProblem");
            components.removeSchema("HttpValidationProblem");
            components.removeSchema("Violation");
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().values().forEach(SharedAnswers::shareAnswers);
        }
        markAlwaysPresent(openAPI);
        boundParsedStrings(openAPI);
    }

    /**
     * Jackson writes every component of a response record, null or not, so in a schema that only answers use every
     * property is present: it is required, and may be null only where the schema says so.
     */
    private static void markAlwaysPresent(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> answered = new java.util.HashSet<>();
        Set<String> sent = new java.util.HashSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().stream()
                            .filter(r -> r.getContent() != null && r.getContent().getMediaTypes() != null)
                            .flatMap(r -> r.getContent().getMediaTypes().values().stream())
                            .forEach(m -> reach(m.getSchema(), schemas, answered));
                }
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                        && operation.getRequestBody().getContent().getMediaTypes() != null) {
                    operation.getRequestBody().getContent().getMediaTypes().values()
                            .forEach(m -> reach(m.getSchema(), schemas, sent));
                }
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> reach(p.getSchema(), schemas, sent));
                }
            }
        }
        answered.removeAll(sent);
        answered.remove(PROBLEM);
        answered.remove(VALIDATION_PROBLEM);
        answered.remove(VIOLATION);
        for (String name : answered) {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty()) {
                continue;
            }
            List<String> required = new ArrayList<>(schema.getProperties().keySet());
            schema.setRequired(required);
        }
    }

    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> seen) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (seen.add(name) && schemas.containsKey(name)) {
                reach(schemas.get(name), schemas, seen);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> reach(p, schemas, seen));
        }
        reach(schema.getItems(), schemas, seen);
        reach(schema.getAdditionalPropertiesSchema(), schemas, seen);
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(s -> reach(s, schemas, seen));
            }
        }
    }

    /** Ids, dates and times are parsed, so their length is bounded; saying so lets clients and linters know. */
    private static void boundParsedStrings(OpenAPI openAPI) {
        Map<String, Integer> bounds = Map.of("uuid", 36, "date-time", 35, "date", 10, "time", 18, "local-time", 18,
                "duration", 40);
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(s -> bound(s, bounds));
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> bound(p.getSchema(), bounds));
                }
            }
        }
    }

    private static void bound(Schema schema, Map<String, Integer> bounds) {
        if (schema == null) {
            return;
        }
        if (schema.getFormat() != null && schema.getMaxLength() == null && bounds.containsKey(schema.getFormat())
                && schema.getType() != null && schema.getType().contains(SchemaType.STRING)) {
            schema.setMaxLength(bounds.get(schema.getFormat()));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> bound(p, bounds));
        }
        bound(schema.getItems(), bounds);
    }

    private static void shareAnswers(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured = operation.getSecurity() != null
                && operation.getSecurity().stream().anyMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty());
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        Map<String, APIResponse> answers = new LinkedHashMap<>(
                responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses());
        for (Map.Entry<String, Answer> shared : ANSWERS.entrySet()) {
            String code = shared.getKey();
            APIResponse declared = answers.get(code);
            boolean implied = ALWAYS.contains(code) || (secured && WHEN_SECURED.contains(code))
                    || (takesInput && code.equals("400"));
            if (declared == null && !implied) {
                continue;
            }
            APIResponse reference = OASFactory.createAPIResponse().ref(RESPONSES + shared.getValue().name());
            String description = declared == null ? null : declared.getDescription();
            // Quarkus' generated texts say less than the shared answer.
            if (description != null && !description.isBlank() && !GENERIC.contains(description)) {
                reference.setDescription(description);
            }
            answers.put(code, reference);
        }
        for (Map.Entry<String, APIResponse> answer : answers.entrySet()) {
            if (answer.getValue().getRef() == null) {
                useSharedProblemSchemas(answer.getValue());
                withStandardHeaders(answer.getKey(), answer.getValue());
            }
        }
        answers.keySet().forEach(responses::removeAPIResponse);
        answers.forEach(responses::addAPIResponse);
        if (operation.getSecurity() != null) {
            List<String> roles = new ArrayList<>();
            List<SecurityRequirement> requirements = new ArrayList<>();
            for (SecurityRequirement requirement : operation.getSecurity()) {
                SecurityRequirement plain = OASFactory.createSecurityRequirement();
                if (requirement.getSchemes() != null) {
                    requirement.getSchemes().forEach((scheme, scopes) -> {
                        if (scopes != null) {
                            scopes.stream().filter(r -> !roles.contains(r)).forEach(roles::add);
                        }
                        plain.addScheme(scheme);
                    });
                }
                requirements.add(plain);
            }
            operation.setSecurity(requirements);
            if (!roles.isEmpty()) {
                String note = "Roles: " + String.join(", ", roles) + ".";
                String description = operation.getDescription();
                operation.setDescription(description == null || description.isBlank() ? note
                        : description.contains(note) ? description : description + "\n\n" + note);
            }
        }
    }

    private static void useSharedProblemSchemas(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return;
        }
        for (MediaType media : response.getContent().getMediaTypes().values()) {
            Schema schema = media.getSchema();
            if (schema != null && schema.getRef() != null) {
                if (schema.getRef().endsWith("/HttpProblem")) {
                    schema.setRef(SCHEMAS + PROBLEM);
                } else if (schema.getRef().endsWith("/HttpValidationProblem")) {
                    schema.setRef(SCHEMAS + VALIDATION_PROBLEM);
                }
            }
        }
    }

    private static void withStandardHeaders(String code, APIResponse response) {
        if (code.startsWith("1") || code.startsWith("3")) {
            return;
        }
        response.addHeader("X-Request-Id", headerRef("X-Request-Id"));
        RATE_LIMIT.forEach(name -> response.addHeader(name, headerRef(name)));
        if (code.equals("201")) {
            Map<String, Header> headers = response.getHeaders();
            if (headers.containsKey("Location")) {
                Header own = headers.get("Location");
                Header ref = headerRef("Location");
                if (own.getDescription() != null) {
                    ref.setDescription(own.getDescription());
                }
                response.addHeader("Location", ref);
            } else {
                response.addHeader("Location", headerRef("Location"));
            }
        }
        // A header a resource declared with a description only (ETag, Cache-Control) still needs a schema.
        response.getHeaders().values().stream()
                .filter(h -> h.getRef() == null && h.getSchema() == null && h.getContent() == null)
                .forEach(h -> h.setSchema(string(null, 200)));
        Header replayed = response.getHeaders().get("Idempotent-Replayed");
        if (replayed != null && replayed.getRef() == null) {
            response.addHeader("Idempotent-Replayed", headerRef("Idempotent-Replayed"));
        }
    }

    private static Header headerRef(String name) {
        return OASFactory.createHeader().ref(HEADERS + name);
    }

    private static void addSchemas(Components components) {
        Schema problem = object("A problem detail (RFC 9457). No stack traces, class names or SQL ever appear in it.")
                .addProperty("type", string("A URI reference naming the kind of problem; `about:blank` when the "
                        + "status says it all", 2000).format("uri-reference"))
                .addProperty("title", string("A short summary of the kind of problem", 200))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                        .description("The HTTP status code"))
                .addProperty("detail", string("What went wrong in this occurrence, for people", 2000))
                .addProperty("instance", string("The path of the request that failed (a relative URI reference)",
                        2000).format("uri-reference"))
                .required(List.of("title", "status"));
        Schema violation = object("One invalid field")
                .addProperty("field", string("The field, parameter or header, e.g. `start` or `page`", 200))
                .addProperty("in", string("Where the field is", 10)
                        .enumeration(List.of("body", "query", "path", "header", "form")))
                .addProperty("message", string("What is wrong with it", 500))
                .required(List.of("field", "in", "message"));
        Schema validation = OASFactory.createSchema()
                .description("A problem detail for invalid input, with one entry per invalid field")
                .addAllOf(OASFactory.createSchema().ref(SCHEMAS + PROBLEM))
                .addAllOf(object(null).addProperty("violations", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .maxItems(100).items(OASFactory.createSchema().ref(SCHEMAS + VIOLATION))));
        components.addSchema(PROBLEM, problem);
        components.addSchema(VIOLATION, violation);
        components.addSchema(VALIDATION_PROBLEM, validation);
    }

    private static void addHeaders(Components components) {
        components.addHeader("X-Request-Id", header("Identifies the request in every log line of every service; "
                + "quote it when reporting a problem", string(null, 200)));
        components.addHeader("RateLimit-Limit", header("Requests the caller may make in the current window",
                count()));
        components.addHeader("RateLimit-Remaining", header("Requests left in the current window", count()));
        components.addHeader("RateLimit-Reset", header("Seconds until the window starts again", count()));
        components.addHeader("Retry-After", header("Seconds to wait before trying again", count()));
        components.addHeader("Location", header("The URL of the created resource",
                string(null, 2000).format("uri-reference")));
        components.addHeader("Idempotent-Replayed", header("`true` when this answer replays an earlier request "
                + "with the same Idempotency-Key and body; nothing new was created",
                OASFactory.createSchema().addType(SchemaType.BOOLEAN)));
    }

    private static void addResponses(Components components) {
        ANSWERS.forEach((code, answer) -> {
            boolean validation = code.equals("400");
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", "about:blank");
            example.put("title", answer.title());
            example.put("status", Integer.parseInt(code));
            example.put("detail", answer.detail());
            example.put("instance", "/api/v1/appointments");
            if (validation) {
                example.put("violations", List.of(Map.of("field", "start", "in", "body",
                        "message", "must not be null")));
            }
            MediaType body = OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(SCHEMAS + (validation ? VALIDATION_PROBLEM : PROBLEM)))
                    .example(example);
            APIResponse response = OASFactory.createAPIResponse().description(answer.description())
                    .content(OASFactory.createContent().addMediaType(PROBLEM_JSON, body));
            response.addHeader("X-Request-Id", headerRef("X-Request-Id"));
            RATE_LIMIT.forEach(name -> response.addHeader(name, headerRef(name)));
            if (code.equals("429") || code.equals("503")) {
                response.addHeader("Retry-After", headerRef("Retry-After"));
            }
            if (code.equals("401")) {
                response.addHeader("WWW-Authenticate", header("`Bearer`, with the reason when a token was sent",
                        string(null, 1000)));
            }
            components.addResponse(answer.name(), response);
        });
    }

    private static Schema object(String description) {
        Schema schema = OASFactory.createSchema().addType(SchemaType.OBJECT);
        return description == null ? schema : schema.description(description);
    }

    private static Schema string(String description, int maxLength) {
        Schema schema = OASFactory.createSchema().addType(SchemaType.STRING).maxLength(maxLength);
        return description == null ? schema : schema.description(description);
    }

    private static Schema count() {
        return OASFactory.createSchema().addType(SchemaType.INTEGER).format("int64")
                .minimum(java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.valueOf(1_000_000_000L));
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

}
