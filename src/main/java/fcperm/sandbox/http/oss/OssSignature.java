package fcperm.sandbox.http.oss;

import fcperm.sandbox.auth.Hmac;
import fcperm.sandbox.auth.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * OSS request signatures (wire-protocols.md §5.4–5.5): V1 in the Authorization header ({@code OSS ak:sig}), V1 in a
 * presigned URL ({@code OSSAccessKeyId}, {@code Expires}, {@code Signature}), and V4 ({@code OSS4-HMAC-SHA256}) in the
 * Authorization header or in a presigned URL ({@code x-oss-signature-version}, {@code x-oss-credential},
 * {@code x-oss-date}, {@code x-oss-expires}, {@code x-oss-signature}, as the SDK's V4 signer writes them).
 * The canonical resource always names the bucket, whether the request addressed it by path or by host.
 */
public final class OssSignature implements SignedRequest {

    /** The sub-resources that V1 signs (the rest of the query is not signed). */
    private static final Set<String> SIGNED_SUBRESOURCES = Set.of("accessPoint", "accessPointPolicy", "acl", "append",
            "asyncFetch", "bucketArchiveDirectRead", "bucketInfo", "callback", "callback-var", "cname", "comp",
            "continuation-token", "cors", "delete", "encryption", "endTime", "httpsConfig", "img", "inventory",
            "inventoryId", "lifecycle", "live", "location", "logging", "metaQuery", "objectMeta", "partNumber", "policy",
            "policyStatus", "position", "processConfiguration", "publicAccessBlock", "qos", "qosInfo",
            "redundancyTransition", "referer", "regionList", "replication", "replicationLocation", "replicationProgress",
            "requestPayment", "resourceGroup", "response-cache-control", "response-content-disposition",
            "response-content-encoding", "response-content-language", "response-content-type", "response-expires",
            "restore", "seal", "security-token", "sequential", "startTime", "stat", "status", "style", "styleName",
            "symlink", "tagging", "transferAcceleration", "udf", "udfApplication", "udfApplicationLog", "udfImage",
            "udfImageDesc", "udfName", "uploadId", "uploads", "versionId", "versioning", "versions", "vip", "vod",
            "vpcip", "website", "worm", "wormExtend", "wormId", "x-oss-ac-forward-allow", "x-oss-ac-source-ip",
            "x-oss-ac-subnet-mask", "x-oss-ac-vpc-id", "x-oss-async-process", "x-oss-delete", "x-oss-dir",
            "x-oss-process", "x-oss-redundancy-transition-taskid", "x-oss-rename", "x-oss-request-payer",
            "x-oss-target-redundancy-type", "x-oss-traffic-limit", "x-oss-write-get-object-response");
    private static final String V4_ALGORITHM = "OSS4-HMAC-SHA256";
    private static final DateTimeFormatter V4_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    /** OSS refuses V4 presigned URLs valid for longer than 7 days. */
    private static final long V4_MAX_EXPIRES_SECONDS = 7 * 24 * 3600;
    /** The query parameters that carry a presigned URL's signature rather than name a sub-resource. */
    private static final Set<String> PRESIGNING_PARAMETERS = Set.of("OSSAccessKeyId", "Expires", "Signature",
            "security-token", "x-oss-signature-version", "x-oss-credential", "x-oss-date", "x-oss-expires",
            "x-oss-additional-headers", "x-oss-signature");

    private enum Form { V1_HEADER, V1_PRESIGNED, V4_HEADER, V4_PRESIGNED }

    private final Form form;
    private final String method;
    private final String bucket;
    private final String key;
    private final Map<String, String> headers;
    private final Map<String, List<String>> query;
    private final String accessKeyId;
    private final String signature;
    private final Optional<String> securityToken;
    private final Optional<Instant> signedAt;
    private final String v4Date;
    private final String v4Scope;
    private final List<String> v4AdditionalHeaders;

    /**
     * @param bucket  the bucket the request is for ("" for ListBuckets)
     * @param key     the decoded object key ("" for bucket operations)
     * @param headers every header, names lower-cased
     * @param query   every query parameter, decoded (a parameter without value maps to "")
     * @throws IllegalArgumentException with a message for the client when the signature elements are malformed
     */
    public OssSignature(String method, String bucket, String key, Map<String, String> headers,
                        Map<String, List<String>> query) {
        this.method = method;
        this.bucket = bucket;
        this.key = key;
        this.headers = Map.copyOf(headers);
        this.query = Map.copyOf(query);
        String authorization = headers.getOrDefault("authorization", "");
        if (authorization.startsWith(V4_ALGORITHM)) {
            form = Form.V4_HEADER;
            Map<String, String> fields = v4Fields(authorization.substring(V4_ALGORITHM.length()));
            if (!fields.containsKey("Signature")) {
                throw new IllegalArgumentException("the OSS4-HMAC-SHA256 Authorization header needs Credential=<ak>/<date>/<region>/oss/aliyun_v4_request and Signature");
            }
            String[] credential = v4Credential(fields.getOrDefault("Credential", ""));
            accessKeyId = credential[0];
            v4Scope = credential[1];
            signature = fields.get("Signature");
            v4AdditionalHeaders = additionalHeaders(fields.get("AdditionalHeaders"));
            v4Date = headers.getOrDefault("x-oss-date", "");
            signedAt = Optional.of(parseV4Date(v4Date));
            securityToken = Optional.ofNullable(headers.get("x-oss-security-token"));
        } else if (authorization.startsWith("OSS ")) {
            form = Form.V1_HEADER;
            String credential = authorization.substring(4).trim();
            int colon = credential.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("the Authorization header must be 'OSS <AccessKeyId>:<Signature>'");
            }
            accessKeyId = credential.substring(0, colon);
            signature = credential.substring(colon + 1);
            String date = headers.containsKey("date") ? headers.get("date") : headers.getOrDefault("x-oss-date", "");
            signedAt = Optional.of(parseHttpDate(date));
            securityToken = Optional.ofNullable(headers.get("x-oss-security-token"));
            v4Date = "";
            v4Scope = "";
            v4AdditionalHeaders = List.of();
        } else if (query.containsKey("OSSAccessKeyId")) {
            form = Form.V1_PRESIGNED;
            accessKeyId = first("OSSAccessKeyId");
            signature = first("Signature");
            signedAt = Optional.empty(); // a presigned URL carries its expiry instead; see expires()
            securityToken = Optional.ofNullable(query.containsKey("security-token") ? first("security-token") : null);
            v4Date = "";
            v4Scope = "";
            v4AdditionalHeaders = List.of();
        } else if (first("x-oss-signature-version").equals(V4_ALGORITHM)) {
            form = Form.V4_PRESIGNED;
            String[] credential = v4Credential(first("x-oss-credential"));
            accessKeyId = credential[0];
            v4Scope = credential[1];
            signature = first("x-oss-signature");
            v4AdditionalHeaders = additionalHeaders(query.containsKey("x-oss-additional-headers")
                    ? first("x-oss-additional-headers") : null);
            v4Date = first("x-oss-date");
            parseV4Date(v4Date); // refuses a malformed date now, before it is used to compute the expiry
            signedAt = Optional.empty(); // valid until x-oss-date + x-oss-expires; see expires()
            securityToken = Optional.ofNullable(query.containsKey("security-token") ? first("security-token") : null);
        } else {
            throw new IllegalArgumentException("the request is not signed: anonymous access is not supported by the sandbox");
        }
    }

    /** True for requests that carry an OSS signature in the Authorization header. */
    public static boolean isOssSigned(String authorization) {
        return authorization != null && (authorization.startsWith("OSS ") || authorization.startsWith(V4_ALGORITHM));
    }

    /** True for a presigned URL's query (V1 or V4), given as its decoded parameter names and values. */
    public static boolean isPresigned(Map<String, List<String>> query) {
        return query.containsKey("OSSAccessKeyId")
                || query.getOrDefault("x-oss-signature-version", List.of()).contains(V4_ALGORITHM);
    }

    /** Whether a query parameter belongs to a presigned URL's signature (and so names no sub-resource). */
    public static boolean isPresigningParameter(String name) {
        return PRESIGNING_PARAMETERS.contains(name);
    }

    /** When a presigned URL stops being valid. */
    public Optional<Instant> expires() {
        try {
            return switch (form) {
                case V1_PRESIGNED -> Optional.of(Instant.ofEpochSecond(Long.parseLong(first("Expires"))));
                case V4_PRESIGNED -> {
                    long seconds = Long.parseLong(first("x-oss-expires"));
                    if (seconds < 1 || seconds > V4_MAX_EXPIRES_SECONDS) {
                        throw new IllegalArgumentException("x-oss-expires must be from 1 to " + V4_MAX_EXPIRES_SECONDS + " seconds");
                    }
                    yield Optional.of(parseV4Date(v4Date).plusSeconds(seconds));
                }
                default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(form == Form.V1_PRESIGNED ? "Expires must be seconds since the epoch"
                    : "x-oss-expires must be a number of seconds");
        }
    }

    public String signatureProvided() {
        return signature;
    }

    private String first(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** {@code <ak>/<date>/<region>/oss/aliyun_v4_request} as the AccessKeyId and the scope. */
    private static String[] v4Credential(String credential) {
        String[] parts = credential.split("/");
        if (parts.length != 5) {
            throw new IllegalArgumentException("the V4 credential must be <AccessKeyId>/<date>/<region>/oss/aliyun_v4_request");
        }
        return new String[] {parts[0], String.join("/", parts[1], parts[2], parts[3], parts[4])};
    }

    private static List<String> additionalHeaders(String list) {
        return list == null || list.isBlank() ? List.of() : List.of(list.toLowerCase().split(";"));
    }

    private static Map<String, String> v4Fields(String text) {
        Map<String, String> fields = new TreeMap<>();
        for (String part : text.split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                fields.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
            }
        }
        return fields;
    }

    private static Instant parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the Date header '" + value + "' is not an RFC 1123 date");
        }
    }

    private static Instant parseV4Date(String value) {
        try {
            return LocalDateTime.parse(value, V4_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("x-oss-date '" + value + "' is not yyyyMMddTHHmmssZ");
        }
    }

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
        return signedAt;
    }

    @Override
    public Optional<String> nonce() {
        return Optional.empty();
    }

    @Override
    public Optional<String> mismatch(String secret) {
        String stringToSign = stringToSign();
        String expected = isV4() ? v4Signature(secret, stringToSign) : v1Signature(secret, stringToSign);
        boolean matches = Hmac.same(expected, signature);
        return matches ? Optional.empty() : Optional.of(stringToSign);
    }

    public String stringToSign() {
        return isV4() ? v4StringToSign() : v1StringToSign();
    }

    private boolean isV4() {
        return form == Form.V4_HEADER || form == Form.V4_PRESIGNED;
    }

    // ---- V1

    private String v1StringToSign() {
        StringBuilder text = new StringBuilder()
                .append(method).append('\n')
                .append(headers.getOrDefault("content-md5", "")).append('\n')
                .append(headers.getOrDefault("content-type", "")).append('\n');
        if (form == Form.V1_PRESIGNED) {
            text.append(first("Expires"));
        } else {
            text.append(headers.containsKey("date") ? headers.get("date") : headers.getOrDefault("x-oss-date", ""));
        }
        text.append('\n');
        new TreeMap<>(headers).forEach((name, value) -> {
            if (name.startsWith("x-oss-")) {
                text.append(name).append(':').append(value.trim()).append('\n');
            }
        });
        text.append(resource());
        StringJoiner subresources = new StringJoiner("&");
        new TreeMap<>(query).forEach((name, values) -> {
            if (SIGNED_SUBRESOURCES.contains(name)) {
                String value = values.isEmpty() ? "" : values.get(0);
                subresources.add(value.isEmpty() ? name : name + "=" + value);
            }
        });
        if (subresources.length() > 0) {
            text.append('?').append(subresources);
        }
        return text.toString();
    }

    private String resource() {
        if (bucket.isEmpty()) {
            return "/";
        }
        return "/" + bucket + "/" + key;
    }

    private static String v1Signature(String secret, String stringToSign) {
        return Base64.getEncoder().encodeToString(Hmac.sha1(Hmac.utf8(secret), stringToSign));
    }

    // ---- V4

    private String v4StringToSign() {
        StringBuilder canonical = new StringBuilder()
                .append(method).append('\n')
                .append(encode(resource(), false)).append('\n');
        StringJoiner canonicalQuery = new StringJoiner("&");
        TreeMap<String, String> sortedQuery = new TreeMap<>();
        query.forEach((name, values) -> {
            if (!(form == Form.V4_PRESIGNED && name.equals("x-oss-signature"))) { // the signature cannot sign itself
                sortedQuery.put(encode(name.trim(), true), values.isEmpty() ? "" : encode(values.get(0).trim(), true));
            }
        });
        sortedQuery.forEach((name, value) -> canonicalQuery.add(value.isEmpty() ? name : name + "=" + value));
        canonical.append(canonicalQuery).append('\n');
        new TreeMap<>(headers).forEach((name, value) -> {
            if (name.equals("content-type") || name.equals("content-md5") || name.startsWith("x-oss-")
                    || v4AdditionalHeaders.contains(name)) {
                canonical.append(name).append(':').append(value.trim()).append('\n');
            }
        });
        canonical.append('\n')
                .append(String.join(";", v4AdditionalHeaders)).append('\n')
                .append(headers.getOrDefault("x-oss-content-sha256", "UNSIGNED-PAYLOAD"));
        return V4_ALGORITHM + "\n" + v4Date + "\n" + v4Scope + "\n"
                + HexFormat.of().formatHex(sha256(canonical.toString()));
    }

    private String v4Signature(String secret, String stringToSign) {
        String[] scope = v4Scope.split("/");
        byte[] key = Hmac.sha256(Hmac.utf8("aliyun_v4" + secret), scope[0]);
        key = Hmac.sha256(key, scope[1]);
        key = Hmac.sha256(key, scope[2]);
        key = Hmac.sha256(key, scope[3]);
        return HexFormat.of().formatHex(Hmac.sha256(key, stringToSign));
    }

    /** RFC 3986 percent-encoding; '/' kept in paths. */
    private static String encode(String value, boolean encodeSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }


    private static byte[] sha256(String data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
