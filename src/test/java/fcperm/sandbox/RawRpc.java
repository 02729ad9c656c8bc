package fcperm.sandbox;

import fcperm.sandbox.http.rpc.RpcSignature;
import fcperm.sandbox.identity.AccessKeyPair;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Hand-built RPC requests for what the SDK will not send: stale timestamps, replayed nonces, missing parameters,
 * tampered signatures, and pop-core's shape (everything in a form body).
 */
final class RawRpc {

    record Reply(int status, String contentType, String body) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI endpoint;

    RawRpc(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The common parameters of a signed call, ready for business parameters and {@link #sign}. */
    static Map<String, String> common(String version, String action, AccessKeyPair credentials) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Action", action);
        parameters.put("Version", version);
        parameters.put("Format", "JSON");
        parameters.put("AccessKeyId", credentials.accessKeyId());
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureVersion", "1.0");
        parameters.put("SignatureNonce", UUID.randomUUID().toString().replace("-", ""));
        parameters.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        credentials.securityToken().ifPresent(token -> parameters.put("SecurityToken", token));
        return parameters;
    }

    static Map<String, String> sign(String method, Map<String, String> parameters, String secret) {
        Map<String, String> signed = new LinkedHashMap<>(parameters);
        signed.remove("Signature");
        signed.put("Signature", RpcSignature.sign(RpcSignature.stringToSign(method, signed), secret));
        return signed;
    }

    Reply get(Map<String, String> parameters) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(endpoint.resolve("/?" + encode(parameters))).GET().build());
    }

    /** pop-core's POST: path {@code /}, every parameter (Signature too) in the form body. */
    Reply postForm(Map<String, String> parameters) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(endpoint.resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(parameters))).build());
    }

    private static Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private static String encode(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((k, v) -> query.add(RpcSignature.percentEncode(k) + "=" + RpcSignature.percentEncode(v)));
        return query.toString();
    }
}
