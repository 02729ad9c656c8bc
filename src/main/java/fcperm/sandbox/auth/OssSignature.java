package fcperm.sandbox.auth;

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
 * presigned URL ({@code OSSAccessKeyId}, {@code Expires}, {@code Signature}), and V4 ({@code OSS4-HMAC-SHA256}).
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

    private enum Form { V1_HEADER, V1_PRESIGNED, V4_HEADER }

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
            String[] credential = fields.getOrDefault("Credential", "").split("/");
            if (credential.length != 5 || !fields.containsKey("Signature")) {
                throw new IllegalArgumentException("the OSS4-HMAC-SHA256 Authorization header needs Credential=<ak>/<date>/<region>/oss/aliyun_v4_request and Signature");
            }
            accessKeyId = credential[0];
            v4Scope = credential[1] + "/" + credential[2] + "/" + credential[3] + "/" + credential[4];
            signature = fields.get("Signature");
            v4AdditionalHeaders = fields.containsKey("AdditionalHeaders")
                    ? List.of(fields.get("AdditionalHeaders").toLowerCase().split(";")) : List.of();
            signedAt = Optional.of(parseV4Date(headers.getOrDefault("x-oss-date", "")));
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
            v4Scope = "";
            v4AdditionalHeaders = List.of();
        } else if (query.containsKey("OSSAccessKeyId")) {
            form = Form.V1_PRESIGNED;
            accessKeyId = first("OSSAccessKeyId");
            signature = first("Signature");
            signedAt = Optional.empty(); // a presigned URL carries its expiry instead; see expires()
            securityToken = Optional.ofNullable(query.containsKey("security-token") ? first("security-token") : null);
            v4Scope = "";
            v4AdditionalHeaders = List.of();
        } else {
            throw new IllegalArgumentException("the request is not signed: anonymous access is not supported by the sandbox");
        }
    }

    /** True for requests that carry an OSS signature in either form. */
    public static boolean isOssSigned(String authorization, Map<String, List<String>> query) {
        return authorization != null && (authorization.startsWith("OSS ") || authorization.startsWith(V4_ALGORITHM))
                || query.containsKey("OSSAccessKeyId");
    }

    /** When a presigned URL stops being valid. */
    public Optional<Instant> expires() {
        if (form != Form.V1_PRESIGNED) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(first("Expires"))));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Expires must be seconds since the epoch");
        }
    }

    public String signatureProvided() {
        return signature;
    }

    private String first(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
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
        String expected = form == Form.V4_HEADER ? v4Signature(secret, stringToSign) : v1Signature(secret, stringToSign);
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
        return matches ? Optional.empty() : Optional.of(stringToSign);
    }

    public String stringToSign() {
        return form == Form.V4_HEADER ? v4StringToSign() : v1StringToSign();
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
        query.forEach((name, values) -> sortedQuery.put(encode(name.trim(), true),
                values.isEmpty() ? "" : encode(values.get(0).trim(), true)));
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
        return V4_ALGORITHM + "\n" + headers.getOrDefault("x-oss-date", "") + "\n" + v4Scope + "\n"
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
