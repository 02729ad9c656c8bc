package fcperm.sandbox.fc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fcperm.sandbox.auth.RequestContext;
import fcperm.sandbox.auth.RequiredPermission;
import fcperm.sandbox.http.fc.FcErrors;
import fcperm.sandbox.http.fc.FcOperation;
import fcperm.sandbox.http.fc.FcRequest;
import fcperm.sandbox.http.fc.FcResponse;
import fcperm.sandbox.http.fc.FcWire;
import fcperm.sandbox.identity.Arn;
import fcperm.sandbox.protocol.ApiError;
import fcperm.sandbox.runtime.InvocationResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * FC 2.0's operation table (API version 2016-08-15): which method and path is which operation, the RAM permission
 * each needs ({@code acs:fc:<region>:<uid>:services/<svc>[/functions/<fn>]}), and how its JSON is read and written.
 */
public final class FcApi implements FcOperation.Table {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOG_TAIL_BYTES = 4096;
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    /** A route: method + path shape (literal segments, and {service}/{function} placeholders). */
    private record Route(String method, List<String> shape, FcOperation operation) {
    }

    private final FcService service;
    private final List<Route> routes = new ArrayList<>();

    public FcApi(FcService service) {
        this.service = service;
        route("GET", "services", "ListServices", r -> List.of(permission("fc:ListServices", r, "services/*")), this::listServices);
        route("POST", "services", "CreateService", this::createServicePermissions, this::createService);
        route("GET", "services/{service}", "GetService", r -> List.of(servicePermission("fc:GetService", r)), this::getService);
        route("PUT", "services/{service}", "UpdateService", this::updateServicePermissions, this::updateService);
        route("DELETE", "services/{service}", "DeleteService", r -> List.of(servicePermission("fc:DeleteService", r)), this::deleteService);
        route("GET", "services/{service}/functions", "ListFunctions",
                r -> List.of(permission("fc:ListFunctions", r, "services/" + r.path("service") + "/functions/*")), this::listFunctions);
        route("POST", "services/{service}/functions", "CreateFunction",
                r -> List.of(functionPermission("fc:CreateFunction", r, text(r.json(), "functionName").orElse(""))), this::createFunction);
        route("GET", "services/{service}/functions/{function}", "GetFunction",
                r -> List.of(functionPermission("fc:GetFunction", r)), this::getFunction);
        route("PUT", "services/{service}/functions/{function}", "UpdateFunction",
                r -> List.of(functionPermission("fc:UpdateFunction", r)), this::updateFunction);
        route("DELETE", "services/{service}/functions/{function}", "DeleteFunction",
                r -> List.of(functionPermission("fc:DeleteFunction", r)), this::deleteFunction);
        route("GET", "services/{service}/functions/{function}/code", "GetFunctionCode",
                r -> List.of(functionPermission("fc:GetFunctionCode", r)), this::getFunctionCode);
        route("POST", "services/{service}/functions/{function}/invocations", "InvokeFunction",
                r -> List.of(functionPermission("fc:InvokeFunction", r)), this::invokeFunction);
    }

    private void route(String method, String shape, String name, Function<FcRequest, List<RequiredPermission>> permissions,
                       BiFunction<FcRequest, RequestContext, FcResponse> run) {
        routes.add(new Route(method, Arrays.asList(shape.split("/")), new FcOperation() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<RequiredPermission> permissions(FcRequest request) {
                return permissions.apply(request);
            }

            @Override
            public FcResponse run(FcRequest request, RequestContext context) {
                return run.apply(request, context);
            }
        }));
    }

    /**
     * The operation for {@code method} and {@code path} (decoded, without {@link FcWire#VERSION_PREFIX}), or
     * PathNotSupported. A service segment may carry a qualifier ({@code svc.LATEST}); the sandbox has only LATEST.
     */
    @Override
    public FcOperation.Match match(String method, String path) {
        List<String> segments = Arrays.asList(path.replaceAll("^/+|/+$", "").split("/"));
        for (Route route : routes) {
            if (!route.method().equals(method) || route.shape().size() != segments.size()) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            boolean matches = true;
            for (int i = 0; i < segments.size() && matches; i++) {
                String expected = route.shape().get(i);
                if (expected.startsWith("{")) {
                    parameters.put(expected.substring(1, expected.length() - 1), segments.get(i));
                } else {
                    matches = expected.equals(segments.get(i));
                }
            }
            if (matches) {
                String serviceSegment = parameters.get("service");
                if (serviceSegment != null && serviceSegment.contains(".")) {
                    String qualifier = serviceSegment.substring(serviceSegment.indexOf('.') + 1);
                    if (!qualifier.equals("LATEST")) {
                        throw new ApiError(404, "AliasNotFound",
                                "alias '" + qualifier + "' does not exist (the sandbox has only LATEST)");
                    }
                    parameters.put("service", serviceSegment.substring(0, serviceSegment.indexOf('.')));
                }
                return new FcOperation.Match(route.operation(), parameters);
            }
        }
        throw FcErrors.pathNotSupported(method, FcWire.VERSION_PREFIX + path);
    }

    // ---- permissions

    private RequiredPermission permission(String action, FcRequest request, String resource) {
        return RequiredPermission.of(action, arn(request, resource));
    }

    private RequiredPermission servicePermission(String action, FcRequest request) {
        String name = request.path("service");
        return withGroup(action, arn(request, "services/" + name), request.region(), name);
    }

    private RequiredPermission functionPermission(String action, FcRequest request) {
        return functionPermission(action, request, request.path("function"));
    }

    private RequiredPermission functionPermission(String action, FcRequest request, String function) {
        String name = request.path("service");
        return withGroup(action, arn(request, "services/" + name + "/functions/" + function), request.region(), name);
    }

    /** FC resources belong to their service's resource group, so resource-group-scope grants apply to them. */
    private RequiredPermission withGroup(String action, String resource, String region, String serviceName) {
        return service.resourceGroupOf(region, serviceName)
                .map(group -> RequiredPermission.inGroup(action, resource, group))
                .orElseGet(() -> RequiredPermission.of(action, resource));
    }

    private List<RequiredPermission> createServicePermissions(FcRequest request) {
        String name = text(request.json(), "serviceName").orElse("");
        List<RequiredPermission> needed = new ArrayList<>();
        needed.add(permission("fc:CreateService", request, "services/" + name));
        text(request.json(), "role").filter(role -> !role.isEmpty()).ifPresent(role -> needed.add(passRole(role)));
        return needed;
    }

    private List<RequiredPermission> updateServicePermissions(FcRequest request) {
        List<RequiredPermission> needed = new ArrayList<>();
        needed.add(servicePermission("fc:UpdateService", request));
        text(request.json(), "role").filter(role -> !role.isEmpty()).ifPresent(role -> needed.add(passRole(role)));
        return needed;
    }

    /** Binding a role hands it to FC: the caller must be allowed to pass it to the service fc.aliyuncs.com. */
    private static RequiredPermission passRole(String roleArn) {
        return new RequiredPermission("ram:PassRole", roleArn, null,
                Map.of("acs:Service", List.of(FcService.FC_SERVICE_PRINCIPAL)));
    }

    private String arn(FcRequest request, String resource) {
        return Arn.fc(request.region(), service.accountId(), resource).toString();
    }

    // ---- services

    private FcResponse listServices(FcRequest request, RequestContext context) {
        TokenPage<FcServiceRecord> page = service.listServices(request.region(), request.query("prefix").orElse(""),
                request.query("startKey").orElse(""), request.query("nextToken").orElse(""), limit(request));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode services = body.putArray("services");
        page.items().forEach(item -> services.add(serviceJson(item)));
        page.nextToken().ifPresent(token -> body.put("nextToken", token));
        return ok(body, Map.of());
    }

    private FcResponse createService(FcRequest request, RequestContext context) {
        JsonNode json = request.json();
        FcServiceRecord created = service.createService(request.region(), text(json, "serviceName").orElse(""),
                serviceSettings(json), context);
        return ok(serviceJson(created), Map.of("Etag", created.etag()));
    }

    private FcResponse getService(FcRequest request, RequestContext context) {
        FcServiceRecord found = service.getService(request.region(), request.path("service"));
        return ok(serviceJson(found), Map.of("Etag", found.etag()));
    }

    private FcResponse updateService(FcRequest request, RequestContext context) {
        FcServiceRecord updated = service.updateService(request.region(), request.path("service"),
                serviceSettings(request.json()), request.header("if-match"), context);
        return ok(serviceJson(updated), Map.of("Etag", updated.etag()));
    }

    private FcResponse deleteService(FcRequest request, RequestContext context) {
        service.deleteService(request.region(), request.path("service"), request.header("if-match"));
        return FcResponse.noContent();
    }

    private static ServiceSettings serviceSettings(JsonNode json) {
        JsonNode logConfig = json.path("logConfig");
        return new ServiceSettings(text(json, "description"), text(json, "role"), text(logConfig, "project"),
                text(logConfig, "logstore"),
                json.hasNonNull("vpcConfig") ? Optional.of(json.get("vpcConfig").toString()) : Optional.empty(),
                json.hasNonNull("internetAccess") ? Optional.of(json.get("internetAccess").asBoolean(true)) : Optional.empty());
    }

    private static ObjectNode serviceJson(FcServiceRecord record) {
        ObjectNode json = JSON.createObjectNode();
        json.put("serviceName", record.name());
        json.put("serviceId", record.id());
        json.put("description", record.description());
        json.put("role", record.role());
        ObjectNode log = json.putObject("logConfig");
        log.put("project", record.logProject());
        log.put("logstore", record.logStore());
        log.put("enableRequestMetrics", false);
        log.put("enableInstanceMetrics", false);
        log.put("logBeginRule", "None");
        json.set("vpcConfig", vpcConfig(record.vpcConfigJson()));
        json.put("internetAccess", record.internetAccess());
        json.put("createdTime", record.createdTime());
        json.put("lastModifiedTime", record.lastModifiedTime());
        return json;
    }

    private static JsonNode vpcConfig(String stored) {
        if (!stored.isEmpty()) {
            try {
                return JSON.readTree(stored);
            } catch (JsonProcessingException e) {
                // stored by us from a parsed node, so it is valid JSON; fall through to the empty form
            }
        }
        ObjectNode empty = JSON.createObjectNode();
        empty.put("vpcId", "");
        empty.putArray("vSwitchIds");
        empty.put("securityGroupId", "");
        return empty;
    }

    // ---- functions

    private FcResponse listFunctions(FcRequest request, RequestContext context) {
        TokenPage<FcFunctionRecord> page = service.listFunctions(request.region(), request.path("service"),
                request.query("prefix").orElse(""), request.query("startKey").orElse(""),
                request.query("nextToken").orElse(""), limit(request));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode functions = body.putArray("functions");
        page.items().forEach(item -> functions.add(functionJson(item)));
        page.nextToken().ifPresent(token -> body.put("nextToken", token));
        return ok(body, Map.of());
    }

    private FcResponse createFunction(FcRequest request, RequestContext context) {
        JsonNode json = request.json();
        FcFunctionRecord created = service.createFunction(request.region(), request.path("service"),
                text(json, "functionName").orElse(""), functionSettings(json));
        return ok(functionJson(created), Map.of("Etag", created.etag()));
    }

    private FcResponse getFunction(FcRequest request, RequestContext context) {
        FcFunctionRecord found = service.getFunction(request.region(), request.path("service"), request.path("function"));
        return ok(functionJson(found), Map.of("Etag", found.etag()));
    }

    private FcResponse updateFunction(FcRequest request, RequestContext context) {
        FcFunctionRecord updated = service.updateFunction(request.region(), request.path("service"),
                request.path("function"), functionSettings(request.json()), request.header("if-match"));
        return ok(functionJson(updated), Map.of("Etag", updated.etag()));
    }

    private FcResponse deleteFunction(FcRequest request, RequestContext context) {
        service.deleteFunction(request.region(), request.path("service"), request.path("function"),
                request.header("if-match"));
        return FcResponse.noContent();
    }

    private FcResponse getFunctionCode(FcRequest request, RequestContext context) {
        Map.Entry<String, String> code = service.functionCode(request.region(), request.path("service"),
                request.path("function"));
        ObjectNode body = JSON.createObjectNode();
        body.put("url", code.getKey());
        body.put("checksum", code.getValue());
        return ok(body, Map.of());
    }

    private static FunctionSettings functionSettings(JsonNode json) {
        Optional<byte[]> code = Optional.empty();
        JsonNode codeNode = json.path("code");
        if (codeNode.hasNonNull("ossBucketName")) {
            throw FcErrors.invalidArgument("code from an OSS bucket is not supported by the sandbox: send code.zipFile");
        }
        if (codeNode.hasNonNull("zipFile")) {
            try {
                code = Optional.of(Base64.getMimeDecoder().decode(codeNode.get("zipFile").asText()));
            } catch (IllegalArgumentException e) {
                throw FcErrors.invalidArgument("code.zipFile is not valid base64");
            }
        }
        Optional<Map<String, String>> environment = Optional.empty();
        if (json.hasNonNull("environmentVariables")) {
            JsonNode env = json.get("environmentVariables");
            if (!env.isObject()) {
                throw FcErrors.invalidArgument("environmentVariables must be an object of strings");
            }
            Map<String, String> variables = new LinkedHashMap<>();
            env.fields().forEachRemaining(field -> variables.put(field.getKey(), field.getValue().asText()));
            environment = Optional.of(variables);
        }
        return new FunctionSettings(text(json, "description"), text(json, "runtime"), text(json, "handler"),
                integer(json, "timeout"), integer(json, "memorySize"), code, environment);
    }

    private static ObjectNode functionJson(FcFunctionRecord record) {
        ObjectNode json = JSON.createObjectNode();
        json.put("functionId", record.id());
        json.put("functionName", record.name());
        json.put("description", record.description());
        json.put("runtime", record.runtime());
        json.put("handler", record.handler());
        json.put("timeout", record.timeout());
        json.put("memorySize", record.memorySize());
        json.put("codeSize", record.codeSize());
        json.put("codeChecksum", record.codeChecksum());
        ObjectNode env = json.putObject("environmentVariables");
        record.environmentVariables().forEach(env::put);
        json.put("instanceConcurrency", 1);
        json.put("instanceType", "e1");
        json.put("createdTime", record.createdTime());
        json.put("lastModifiedTime", record.lastModifiedTime());
        return json;
    }

    // ---- invocations

    private FcResponse invokeFunction(FcRequest request, RequestContext context) {
        String serviceName = request.path("service");
        String functionName = request.path("function");
        String invocationType = request.header("x-fc-invocation-type").orElse("Sync");
        if (invocationType.equalsIgnoreCase("Async")) {
            service.invokeAsync(request.region(), serviceName, functionName, request.body(), request.requestId(), context);
            return new FcResponse(202, Map.of(), "", new byte[0]);
        }
        if (!invocationType.equalsIgnoreCase("Sync")) {
            throw FcErrors.invalidArgument("X-Fc-Invocation-Type must be Sync or Async, not '" + invocationType + "'");
        }
        InvocationResult result = service.invoke(request.region(), serviceName, functionName, request.body(),
                request.requestId(), context);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Fc-Invocation-Duration", Long.toString(result.durationMillis()));
        headers.put("X-Fc-Max-Memory-Usage", Integer.toString(result.maxMemoryMb()));
        headers.put("X-Fc-Invocation-Service-Version", "LATEST");
        if (request.header("x-fc-log-type").filter(type -> type.equalsIgnoreCase("Tail")).isPresent()) {
            headers.put("X-Fc-Log-Result", Base64.getEncoder().encodeToString(tail(result.log())));
        }
        if (result.failed()) {
            // a function error is a 200 with X-Fc-Error-Type: clients retry 5xx, which would run the function again
            headers.put("X-Fc-Error-Type", "UnhandledInvocationError");
            return new FcResponse(200, headers, "application/json; charset=utf-8", result.body());
        }
        return new FcResponse(200, headers, "application/octet-stream", result.body());
    }

    private static byte[] tail(byte[] log) {
        return log.length <= LOG_TAIL_BYTES ? log : Arrays.copyOfRange(log, log.length - LOG_TAIL_BYTES, log.length);
    }

    // ---- JSON helpers

    private static FcResponse ok(JsonNode body, Map<String, String> headers) {
        try {
            return FcResponse.json(200, JSON.writeValueAsBytes(body), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw FcErrors.invalidArgument(field + " must be a string");
        }
        return Optional.of(value.asText());
    }

    private static Optional<Integer> integer(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToInt() || !(value.isIntegralNumber() || value.isTextual())) {
            throw FcErrors.invalidArgument(field + " must be an integer");
        }
        try {
            return Optional.of(value.isTextual() ? Integer.parseInt(value.asText()) : value.asInt());
        } catch (NumberFormatException e) {
            throw FcErrors.invalidArgument(field + " must be an integer");
        }
    }

    private static int limit(FcRequest request) {
        Optional<String> limit = request.query("limit");
        if (limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.get());
            if (value < 1 || value > MAX_LIMIT) {
                throw FcErrors.invalidArgument("limit must be from 1 to " + MAX_LIMIT);
            }
            return value;
        } catch (NumberFormatException e) {
            throw FcErrors.invalidArgument("limit must be a number");
        }
    }
}
