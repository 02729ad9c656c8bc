package fcperm.sandbox.http.fc;

import fcperm.sandbox.auth.Hmac;
import fcperm.sandbox.auth.SignedRequest;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Function Compute 2.0's request signature: {@code Authorization: FC <AccessKeyId>:<signature>} with
 * {@code base64(HMAC-SHA256(secret, METHOD\nContent-MD5\nContent-Type\nDate\n<x-fc-* headers>/path))}.
 * Content-MD5 is used exactly as sent (the Java SDK's does not match its body) and the query is not signed.
 */
public final class FcSignature implements SignedRequest {

    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final String accessKeyId;
    private final String signature;
    private final Optional<Instant> signedAt;

    /**
     * @param headers every request header, names lower-cased
     * @param path    the decoded request path, starting with {@code /2016-08-15}
     * @throws IllegalArgumentException with a message for the client when the Authorization or Date header is malformed
     */
    public FcSignature(String method, String path, Map<String, String> headers) {
        this.method = method;
        this.path = path;
        this.headers = Map.copyOf(headers);
        String authorization = headers.getOrDefault("authorization", "");
        if (!authorization.startsWith("FC ") || authorization.indexOf(':') < 0) {
            throw new IllegalArgumentException("Authorization header must be 'FC <AccessKeyId>:<Signature>'");
        }
        String credential = authorization.substring(3).trim();
        this.accessKeyId = credential.substring(0, credential.indexOf(':'));
        this.signature = credential.substring(credential.indexOf(':') + 1);
        this.signedAt = Optional.ofNullable(headers.get("date")).map(FcSignature::parseDate);
    }

    private static Instant parseDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Date header '" + value + "' is not an RFC 1123 date");
        }
    }

    public String stringToSign() {
        StringBuilder text = new StringBuilder()
                .append(method).append('\n')
                .append(headers.getOrDefault("content-md5", "")).append('\n')
                .append(headers.getOrDefault("content-type", "")).append('\n')
                .append(headers.getOrDefault("date", "")).append('\n');
        new TreeMap<>(headers).forEach((name, value) -> {
            if (name.startsWith("x-fc")) {
                text.append(name).append(':').append(value).append('\n');
            }
        });
        return text.append(path).toString();
    }

    public static String sign(String stringToSign, String secret) {
        return Base64.getEncoder().encodeToString(Hmac.sha256(Hmac.utf8(secret), stringToSign));
    }

    @Override
    public String accessKeyId() {
        return accessKeyId;
    }

    @Override
    public Optional<String> securityToken() {
        return Optional.ofNullable(headers.get("x-fc-security-token"));
    }

    @Override
    public Optional<Instant> signedAt() {
        return signedAt;
    }

    @Override
    public Optional<String> nonce() {
        return Optional.empty();
    }

    @Override
    public Optional<String> mismatch(String secret) {
        String stringToSign = stringToSign();
        boolean matches = Hmac.same(sign(stringToSign, secret), signature);
        return matches ? Optional.empty() : Optional.of(stringToSign);
    }
}
