package fcperm.sandbox.http.rpc;

import fcperm.sandbox.auth.AccessDecision;
import fcperm.sandbox.auth.AuthenticationException;
import fcperm.sandbox.auth.RequestContext;
import fcperm.sandbox.auth.RequiredPermission;
import fcperm.sandbox.auth.SignedRequest;
import fcperm.sandbox.http.ServiceCall;
import fcperm.sandbox.http.WireStyle;
import fcperm.sandbox.identity.Caller;
import fcperm.sandbox.protocol.ApiError;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * POP RPC (RAM, STS, Resource Manager): {@code Action}/{@code Version} and every parameter in the query string and
 * the form body merged, signed with signature v1, answered in JSON (default) or XML. The product is told apart by
 * its {@code Version}; each product contributes its operation table ({@link RpcApi}).
 */
public final class RpcWire implements WireStyle {

    private static final String NO_PERMISSION_MESSAGE = "You are not authorized to do this action. You should be authorized by RAM.";

    private record Product(RpcProduct product, Map<String, RpcOperation> operations) {
    }

    private final Map<String, Product> productsByVersion = new HashMap<>();
    private final Map<String, RpcProduct> productsByService = new HashMap<>();

    public RpcWire(List<RpcApi> apis) {
        for (RpcApi api : apis) {
            Map<String, RpcOperation> operations = new HashMap<>();
            api.operations().forEach(operation -> operations.put(operation.action(), operation));
            productsByVersion.put(api.product().version(), new Product(api.product(), operations));
            productsByService.put(api.product().code().toLowerCase(Locale.ROOT), api.product());
        }
    }

    @Override
    public boolean accepts(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null && !authorization.startsWith("ACS3-")) {
            return false;
        }
        String path = request.getHttpURI().getPath();
        return (path == null || path.isEmpty() || path.equals("/"))
                && (request.getHeaders().contains("x-acs-action") || hasQueryParameter(request, "Action") || isForm(request));
    }

    private static boolean hasQueryParameter(Request request, String name) {
        String query = request.getHttpURI().getQuery();
        return query != null && (query.startsWith(name + "=") || query.contains("&" + name + "="));
    }

    private static boolean isForm(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return type != null && MimeTypes.getBaseType(type) == MimeTypes.Type.FORM_ENCODED;
    }

    @Override
    public ServiceCall open(Request request, String requestId, String region) {
        if (String.valueOf(request.getHeaders().get(HttpHeader.AUTHORIZATION)).startsWith("ACS3-")) {
            throw new ApiError(400, "IncompleteSignature",
                    "The sandbox verifies RPC signature v1 (HMAC-SHA1) only; ACS3-HMAC-SHA256 requests are not supported.");
        }
        Map<String, String> parameters = parameters(request);
        String action = firstNonEmpty(parameters.get("Action"), request.getHeaders().get("x-acs-action"));
        String version = firstNonEmpty(parameters.get("Version"), request.getHeaders().get("x-acs-version"));
        if (version == null) {
            throw RpcErrors.missingCommonParameter("Version");
        }
        if (action == null) {
            throw RpcErrors.missingCommonParameter("Action");
        }
        Product product = productsByVersion.get(version);
        if (product == null) {
            throw RpcErrors.unknownVersion(version);
        }
        RpcOperation operation = product.operations().get(action);
        if (operation == null) {
            throw RpcErrors.unknownAction(action);
        }
        SignedRequest signature = signature(request.getMethod(), parameters);
        String regionId = parameters.getOrDefault("RegionId", region);
        RpcRequest rpcRequest = new RpcRequest(action, regionId, parameters);
        ResponseFormat format = ResponseFormat.of(parameters.get("Format"));
        return ServiceCall.of(product.product().code().toLowerCase(Locale.ROOT), action, signature,
                (caller, context) -> operation.permissions().required(new RpcInvocation(rpcRequest, caller, context)),
                (caller, context) -> operation.handler().handle(new RpcInvocation(rpcRequest, caller, context)),
                (body, id, response) -> write(response, 200, format, id,
                        RpcCodec.encodeResult(action, body, id, format)));
    }

    /** Query string and form body merged, decoded (the first value wins when a name repeats). */
    private static Map<String, String> parameters(Request request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        query.forEach(field -> parameters.putIfAbsent(field.getName(), field.getValue()));
        if (isForm(request)) {
            FormFields.getFields(request).forEach(field -> parameters.putIfAbsent(field.getName(), field.getValue()));
        }
        return parameters;
    }

    private static SignedRequest signature(String method, Map<String, String> parameters) {
        String accessKeyId = requiredCommon(parameters, "AccessKeyId");
        String signature = requiredCommon(parameters, "Signature");
        String signatureMethod = requiredCommon(parameters, "SignatureMethod");
        if (!signatureMethod.equals("HMAC-SHA1")) {
            throw RpcErrors.unsupportedSignatureMethod(signatureMethod);
        }
        String signatureVersion = parameters.getOrDefault("SignatureVersion", "1.0");
        if (!signatureVersion.equals("1.0")) {
            throw RpcErrors.unsupportedSignatureVersion(signatureVersion);
        }
        Instant timestamp = timestamp(requiredCommon(parameters, "Timestamp"));
        String nonce = requiredCommon(parameters, "SignatureNonce");
        Optional<String> securityToken = Optional.ofNullable(parameters.get("SecurityToken"));
        return new SignedRequest() {
            @Override
            public String accessKeyId() {
                return accessKeyId;
            }

            @Override
            public Optional<String> securityToken() {
                return securityToken;
            }

            @Override
            public Optional<Instant> signedAt() {
                return Optional.of(timestamp);
            }

            @Override
            public Optional<String> nonce() {
                return Optional.of(nonce);
            }

            @Override
            public Optional<String> mismatch(String secret) {
                return RpcSignature.mismatch(method, parameters, signature, secret);
            }
        };
    }

    private static String requiredCommon(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw RpcErrors.missingCommonParameter(name);
        }
        return value;
    }

    private static Instant timestamp(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw RpcErrors.timestampFormat();
        }
    }

    private static String firstNonEmpty(String first, String second) {
        if (first != null && !first.isEmpty()) {
            return first;
        }
        return second == null || second.isEmpty() ? null : second;
    }

    @Override
    public ApiError authenticationError(AuthenticationException failure) {
        return switch (failure.failure()) {
            case UNKNOWN_ACCESS_KEY -> new ApiError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
            case INACTIVE_ACCESS_KEY -> new ApiError(400, "InvalidAccessKeyId.Inactive", "Specified access key is disabled.");
            case SIGNATURE_MISMATCH -> new ApiError(400, "SignatureDoesNotMatch",
                    "Specified signature is not matched with our calculation. server string to sign is:" + failure.detail());
            case TIMESTAMP_EXPIRED -> new ApiError(400, "InvalidTimeStamp.Expired",
                    "Specified time stamp or date value is expired.");
            case NONCE_USED -> new ApiError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
            case SECURITY_TOKEN_MISSING -> new ApiError(400, "MissingSecurityToken", "SecurityToken is mandatory for this action.");
            case SECURITY_TOKEN_EXPIRED -> new ApiError(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
            case SECURITY_TOKEN_MISMATCH -> new ApiError(400, "InvalidSecurityToken.MismatchWithAccessKey",
                    "Specified SecurityToken mismatch with the AccessKey.");
        };
    }

    @Override
    public ApiError accessDenied(ServiceCall call, Caller caller, AccessDecision decision) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("AuthAction", decision.denied().map(RequiredPermission::action).orElse(call.service() + ":" + call.operation()));
        detail.put("AuthResource", decision.denied().map(RequiredPermission::resource).orElse(""));
        detail.put("NoPermissionType", decision.outcome().label());
        detail.put("PolicyType", decision.policyTypeName());
        detail.put("AuthPrincipalOwnerId", caller.accountId());
        detail.put("AuthPrincipalType", caller instanceof Caller.RoleSession ? "AssumedRoleUser" : "SubUser");
        detail.put("AuthPrincipalDisplayName", displayName(caller));
        detail.put("EncodedDiagnosticMessage",
                Base64.getEncoder().encodeToString(decision.explanation().getBytes(StandardCharsets.UTF_8)));
        return new ApiError(403, "NoPermission", NO_PERMISSION_MESSAGE, Map.of("AccessDeniedDetail", detail));
    }

    private static String displayName(Caller caller) {
        if (caller instanceof Caller.RamUser user) {
            return user.userName();
        }
        if (caller instanceof Caller.RoleSession session) {
            return session.roleName() + ":" + session.sessionName();
        }
        return caller.accountId();
    }

    @Override
    public void writeError(ServiceCall call, ApiError error, String requestId, Request request, Response response) throws IOException {
        ResponseFormat format = ResponseFormat.of(formatOf(request));
        Optional<RpcProduct> product = Optional.ofNullable(call).map(ServiceCall::service).map(productsByService::get);
        String hostId = product.map(RpcProduct::hostId).orElse(Request.getServerName(request));
        String code = product.map(RpcProduct::code).orElse("");
        write(response, error.status(), format, requestId, RpcCodec.encodeError(error, requestId, hostId, code, format));
    }

    /** The Format a request asked for, read again for its error (Jetty keeps the form body it has read). */
    private static String formatOf(Request request) {
        try {
            return parameters(request).get("Format");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void write(Response response, int status, ResponseFormat format, String requestId, byte[] body)
            throws IOException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, RpcCodec.contentType(format));
        response.getHeaders().put("x-acs-request-id", requestId);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        Content.Sink.write(response, true, ByteBuffer.wrap(body));
    }
}
