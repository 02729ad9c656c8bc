package fcperm.sandbox.http.fc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fcperm.sandbox.auth.AccessDecision;
import fcperm.sandbox.auth.AuthenticationException;
import fcperm.sandbox.auth.RequestContext;
import fcperm.sandbox.auth.RequiredPermission;
import fcperm.sandbox.auth.SignedRequest;
import fcperm.sandbox.http.ServiceCall;
import fcperm.sandbox.http.WireStyle;
import fcperm.sandbox.http.oss.OssSignature;
import fcperm.sandbox.identity.Caller;
import fcperm.sandbox.protocol.ApiError;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Function Compute 2.0 (API 2016-08-15): REST paths under {@code /2016-08-15/}, signed {@code FC ak:sig}, JSON
 * bodies, errors {@code {"ErrorCode","ErrorMessage"}}. Response header names are written in FC's exact case
 * ({@code X-Fc-Request-Id}, {@code Etag}, ...) because the Java SDK looks them up case-sensitively.
 */
public final class FcWire implements WireStyle {

    /** The API version every path starts with. */
    public static final String VERSION_PREFIX = "/2016-08-15";
    /** Bodies larger than this are refused before they are read (a 50 MB zip is ~67 MB in base64). */
    private static final long MAX_BODY_BYTES = 100L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FcOperation.Table operations;

    public FcWire(FcOperation.Table operations) {
        this.operations = operations;
    }

    @Override
    public boolean accepts(Request request) {
        String path = request.getHttpURI().getPath();
        String query = String.valueOf(request.getHttpURI().getQuery());
        // "2016-08-15" is also a valid bucket name: a path-style OSS request to it is signed (or presigned) as OSS
        return path != null && path.startsWith(VERSION_PREFIX + "/")
                && !OssSignature.isOssSigned(request.getHeaders().get(HttpHeader.AUTHORIZATION))
                && !query.contains("OSSAccessKeyId=") && !query.contains("x-oss-signature");
    }

    @Override
    public ServiceCall open(Request request, String requestId, String region) {
        String path = request.getHttpURI().getDecodedPath();
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.putIfAbsent(field.getName().toLowerCase(Locale.ROOT), field.getValue());
        }
        if (!headers.containsKey("authorization")) {
            throw new ApiError(400, "MissingRequiredHeader", "required HTTP header Authorization was not specified");
        }
        FcSignature signature;
        try {
            signature = new FcSignature(request.getMethod(), path, headers);
        } catch (IllegalArgumentException e) {
            throw FcErrors.invalidArgument(e.getMessage());
        }
        FcOperation.Match match = operations.match(request.getMethod(), path.substring(VERSION_PREFIX.length()));
        Map<String, String> query = new LinkedHashMap<>();
        Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        fields.forEach(field -> query.putIfAbsent(field.getName(), field.getValue()));
        // the body is read after authentication, when the permissions or the operation first ask for it
        FcRequest fcRequest = new FcRequest(requestId, region, match.pathParameters(), query, headers, () -> body(request));
        FcOperation operation = match.operation();
        return ServiceCall.of("fc", operation.name(), signature, (caller, context) -> operation.permissions(fcRequest),
                (caller, context) -> operation.run(fcRequest, context), FcWire::writeResult);
    }

    private static byte[] body(Request request) {
        long length = request.getLength();
        if (length > MAX_BODY_BYTES) {
            throw FcErrors.entityTooLarge("the request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes((int) MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw FcErrors.entityTooLarge("the request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw FcErrors.invalidArgument("the request body could not be read: " + e.getMessage());
        }
    }

    @Override
    public ApiError authenticationError(AuthenticationException failure) {
        return switch (failure.failure()) {
            case UNKNOWN_ACCESS_KEY -> new ApiError(403, "InvalidAccessKeyID", "invalid access key ID");
            case INACTIVE_ACCESS_KEY -> new ApiError(403, "InvalidAccessKeyID", "the access key is disabled");
            case SIGNATURE_MISMATCH -> new ApiError(403, "SignatureNotMatch",
                    "The request signature we calculated does not match the signature you provided. "
                            + "Check your access key and signing method. The string to sign is: " + failure.detail());
            case TIMESTAMP_EXPIRED -> new ApiError(403, "RequestTimeTooSkewed",
                    "the difference between the request time (Date header) and the server time is too large");
            case NONCE_USED -> new ApiError(403, "AccessDenied", "the request was already used");
            case SECURITY_TOKEN_MISSING -> new ApiError(403, "InvalidSecurityToken",
                    "temporary credentials need the x-fc-security-token header");
            case SECURITY_TOKEN_EXPIRED -> new ApiError(403, "InvalidSecurityToken", "the security token has expired");
            case SECURITY_TOKEN_MISMATCH -> new ApiError(403, "InvalidSecurityToken",
                    "the security token does not belong to the access key");
        };
    }

    @Override
    public ApiError accessDenied(ServiceCall call, Caller caller, AccessDecision decision) {
        String action = decision.denied().map(RequiredPermission::action).orElse("fc:" + call.operation());
        String resource = decision.denied().map(RequiredPermission::resource).orElse("");
        return new ApiError(403, "AccessDenied", "the caller is not authorized to perform '" + action
                + "' on resource '" + resource + "' (" + decision.outcome().label() + " by " + decision.policyTypeName()
                + "). " + decision.explanation());
    }

    private static void writeResult(FcResponse fc, String requestId, Response response) throws IOException {
        response.setStatus(fc.status());
        exactHeader(response, "X-Fc-Request-Id", requestId);
        fc.headers().forEach((name, value) -> exactHeader(response, name, value));
        if (!fc.contentType().isEmpty()) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, fc.contentType());
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, fc.body().length);
        Content.Sink.write(response, true, ByteBuffer.wrap(fc.body()));
    }

    @Override
    public void writeError(ServiceCall call, ApiError error, String requestId, Request request, Response response) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("ErrorCode", error.code());
        body.put("ErrorMessage", error.getMessage());
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        response.setStatus(error.status());
        exactHeader(response, "X-Fc-Request-Id", requestId);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        Content.Sink.write(response, true, ByteBuffer.wrap(bytes));
    }

    /** A header written with exactly this name (Jetty would otherwise print known names in its own case). */
    private static void exactHeader(Response response, String name, String value) {
        response.getHeaders().put(new HttpField(null, name, value));
    }
}
