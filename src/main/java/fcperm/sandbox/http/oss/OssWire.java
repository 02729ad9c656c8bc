package fcperm.sandbox.http.oss;

import fcperm.sandbox.auth.AccessDecision;
import fcperm.sandbox.auth.AuthenticationException;
import fcperm.sandbox.auth.RequestContext;
import fcperm.sandbox.auth.RequiredPermission;
import fcperm.sandbox.http.ServiceCall;
import fcperm.sandbox.http.WireStyle;
import fcperm.sandbox.identity.Caller;
import fcperm.sandbox.protocol.ApiError;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OSS REST: signed {@code OSS ak:sig} (V1), presigned V1 URLs, or {@code OSS4-HMAC-SHA256}; the bucket comes from a
 * virtual-hosted {@code Host: <bucket>.oss-<region>.aliyuncs.com} or else from the first path segment (path-style,
 * what the Java SDK sends to an IP endpoint). Bodies are streamed in and out; errors are OSS's {@code <Error>} XML
 * (for HEAD, base64 in {@code x-oss-err}, as HEAD responses have no body).
 */
public final class OssWire implements WireStyle {

    private static final Pattern VIRTUAL_HOST = Pattern.compile(
            "^([a-z0-9][a-z0-9-]{1,61}[a-z0-9])?\\.?oss-[a-z0-9-]+\\.aliyuncs\\.com(:\\d+)?$");

    private final OssOperation.Table operations;
    private final Clock clock;

    public OssWire(OssOperation.Table operations, Clock clock) {
        this.operations = operations;
        this.clock = clock;
    }

    @Override
    public boolean accepts(Request request) {
        String host = String.valueOf(request.getHeaders().get(HttpHeader.HOST)).toLowerCase(Locale.ROOT);
        return OssSignature.isOssSigned(request.getHeaders().get(HttpHeader.AUTHORIZATION))
                || VIRTUAL_HOST.matcher(host).matches()
                || OssSignature.isPresigned(queryOf(request));
    }

    @Override
    public ServiceCall open(Request request, String requestId, String region) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.putIfAbsent(field.getName().toLowerCase(Locale.ROOT), field.getValue());
        }
        Map<String, List<String>> query = queryOf(request);
        String path = decodedPath(request.getHttpURI().getPath());
        String bucket;
        String key;
        Matcher virtualHost = VIRTUAL_HOST.matcher(headers.getOrDefault("host", "").toLowerCase(Locale.ROOT));
        if (virtualHost.matches()) {
            bucket = virtualHost.group(1) == null ? "" : virtualHost.group(1);
            key = path.startsWith("/") ? path.substring(1) : path;
        } else {
            String rest = path.startsWith("/") ? path.substring(1) : path;
            int slash = rest.indexOf('/');
            bucket = slash < 0 ? rest : rest.substring(0, slash);
            key = slash < 0 ? "" : rest.substring(slash + 1);
        }
        OssSignature signature;
        try {
            signature = new OssSignature(request.getMethod(), bucket, key, headers, query);
            signature.expires().ifPresent(expires -> {
                if (expires.isBefore(clock.instant())) {
                    throw new ApiError(403, "AccessDenied", "Request has expired.",
                            Map.of("Expires", expires.toString(), "ServerTime", clock.instant().toString()));
                }
            });
        } catch (IllegalArgumentException e) {
            throw new ApiError(403, "AccessDenied", e.getMessage());
        }
        OssRequest ossRequest = new OssRequest(request.getMethod(), bucket, key, query, headers, region,
                new RequestBody(() -> Content.Source.asInputStream(request)));
        OssOperation operation = operations.operation(ossRequest);
        return ServiceCall.of("oss", operation.name(), signature,
                (caller, context) -> operation.permissions().apply(ossRequest),
                (caller, context) -> operation.run().apply(ossRequest),
                OssWire::writeResult);
    }

    /** The decoded query; a parameter without value maps to "". */
    private static Map<String, List<String>> queryOf(Request request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        Request.extractQueryParameters(request, StandardCharsets.UTF_8).forEach(field ->
                query.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue() == null ? "" : field.getValue()));
        return query;
    }

    /**
     * The path percent-decoded and nothing else: an object key is not a file path, so "a//b" and "a/../b" stay as they
     * are (Jetty's decoded path would merge or resolve them, and the key would differ from the one the client signed).
     */
    private static String decodedPath(String rawPath) {
        if (rawPath == null) {
            return "";
        }
        try {
            // URLDecoder is a percent-decoder once '+' (which it reads as a space) is escaped first
            return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OssErrors.invalidArgument("The request path is not valid percent-encoded UTF-8: " + e.getMessage());
        }
    }

    @Override
    public ApiError authenticationError(AuthenticationException failure) {
        return switch (failure.failure()) {
            case UNKNOWN_ACCESS_KEY -> new ApiError(403, "InvalidAccessKeyId",
                    "The OSS Access Key Id you provided does not exist in our records.");
            case INACTIVE_ACCESS_KEY -> new ApiError(403, "InvalidAccessKeyId", "The OSS Access Key Id you provided is disabled.");
            case SIGNATURE_MISMATCH -> new ApiError(403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
                    Map.of("StringToSign", failure.detail()));
            case TIMESTAMP_EXPIRED -> new ApiError(403, "RequestTimeTooSkewed",
                    "The difference between the request time and the current time is too large.");
            case NONCE_USED -> new ApiError(403, "AccessDenied", "The request was already used.");
            case SECURITY_TOKEN_MISSING -> new ApiError(403, "InvalidSecurityToken",
                    "Temporary credentials need the security token (x-oss-security-token).");
            case SECURITY_TOKEN_EXPIRED -> new ApiError(403, "SecurityTokenExpired", "The security token you provided has expired.");
            case SECURITY_TOKEN_MISMATCH -> new ApiError(403, "AccessKeyIdAndSecurityTokenNotMatch",
                    "The AccessKeyId and the security token you provided do not match.");
        };
    }

    @Override
    public ApiError accessDenied(ServiceCall call, Caller caller, AccessDecision decision) {
        String action = decision.denied().map(RequiredPermission::action).orElse("oss:" + call.operation());
        String resource = decision.denied().map(RequiredPermission::resource).orElse("");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("AuthAction", action);
        detail.put("AuthResource", resource);
        detail.put("NoPermissionType", decision.outcome().label());
        detail.put("PolicyType", decision.policyTypeName());
        detail.put("AuthPrincipalType", caller instanceof Caller.RoleSession ? "AssumedRoleUser" : "SubUser");
        detail.put("AuthPrincipalDisplayName", caller.arn());
        return new ApiError(403, "AccessDenied", "You are denied by " + decision.policyTypeName() + " ("
                + decision.outcome().label() + "): " + action + " on " + resource + ". " + decision.explanation(),
                Map.of("AccessDeniedDetail", detail));
    }

    private static void writeResult(OssResponse oss, String requestId, Response response) throws IOException {
        response.setStatus(oss.status());
        exactHeader(response, "x-oss-request-id", requestId);
        oss.headers().forEach((name, value) -> exactHeader(response, name, value));
        if (oss.file() == null) {
            if (!oss.headers().containsKey("Content-Length")) {
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, oss.body().length);
            }
            Content.Sink.write(response, true, ByteBuffer.wrap(oss.body()));
            return;
        }
        try (FileChannel file = oss.file(); OutputStream out = Content.Sink.asOutputStream(response)) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, oss.length());
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long position = oss.offset();
            long remaining = oss.length();
            while (remaining > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
                int read = file.read(buffer, position);
                if (read < 0) {
                    throw new IOException("object file ended early");
                }
                out.write(buffer.array(), 0, read);
                position += read;
                remaining -= read;
            }
        }
    }

    @Override
    public void writeError(ServiceCall call, ApiError error, String requestId, Request request, Response response) throws IOException {
        OssXml xml = new OssXml().open("Error").element("Code", error.code()).element("Message", error.getMessage())
                .element("RequestId", requestId).element("HostId", String.valueOf(request.getHeaders().get(HttpHeader.HOST)));
        error.extra().forEach((name, value) -> writeExtra(xml, name, value));
        if (error.code().equals("SignatureDoesNotMatch") && call != null
                && call.signature() instanceof OssSignature signature) {
            signatureDetail(xml, signature);
        }
        byte[] body = xml.close("Error").toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(error.status());
        exactHeader(response, "x-oss-request-id", requestId);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        if (request.getMethod().equals("HEAD")) {
            exactHeader(response, "x-oss-err", Base64.getEncoder().encodeToString(body));
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
            Content.Sink.write(response, true, ByteBuffer.allocate(0));
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        Content.Sink.write(response, true, ByteBuffer.wrap(body));
    }

    /** What OSS adds to SignatureDoesNotMatch beside StringToSign, so a client can see where its signing differs. */
    private static void signatureDetail(OssXml xml, OssSignature signature) {
        StringJoiner bytes = new StringJoiner(" ");
        for (byte b : signature.stringToSign().getBytes(StandardCharsets.UTF_8)) {
            bytes.add(String.format("%02X", b & 0xFF));
        }
        xml.element("SignatureProvided", signature.signatureProvided()).element("StringToSignBytes", bytes)
                .element("OSSAccessKeyId", signature.accessKeyId());
    }

    @SuppressWarnings("unchecked")
    private static void writeExtra(OssXml xml, String name, Object value) {
        if (value instanceof Map<?, ?> nested) {
            xml.open(name);
            ((Map<String, Object>) nested).forEach((child, childValue) -> writeExtra(xml, child, childValue));
            xml.close(name);
        } else {
            xml.element(name, value);
        }
    }

    private static void exactHeader(Response response, String name, String value) {
        response.getHeaders().put(new HttpField(null, name, value));
    }
}
