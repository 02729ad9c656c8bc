package fcperm.sandbox.oss;

import fcperm.sandbox.auth.OssSignature;
import fcperm.sandbox.auth.RequiredPermission;
import fcperm.sandbox.identity.Arn;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * OSS's operation table: which method, bucket/key shape and sub-resource is which operation, the RAM permission each
 * needs (OSS actions on {@code acs:oss:*:<uid>:<bucket>[/<key>]}, in the bucket's resource group, with
 * {@code oss:Prefix}/{@code oss:Delimiter} for listings), and the XML shapes of wire-protocols.md §5.6.
 */
public final class OssApi {

    /** One operation. */
    public record Operation(String name, Function<OssRequest, List<RequiredPermission>> permissions,
                            Function<OssRequest, OssResponse> run) {
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final OssService service;

    public OssApi(OssService service) {
        this.service = service;
    }

    public Operation operation(OssRequest request) {
        String method = request.method();
        boolean onService = request.bucket().isEmpty();
        boolean onBucket = !onService && request.key().isEmpty();
        if (onService) {
            if (method.equals("GET")) {
                return new Operation("ListBuckets", r -> List.of(RequiredPermission.of("oss:ListBuckets",
                        Arn.oss(service.accountId(), "*"))), this::listBuckets);
            }
        } else if (onBucket) {
            switch (method) {
                case "PUT" -> {
                    return request.has("resourceGroup")
                            ? bucketOp("PutBucketResourceGroup", "oss:PutBucketResourceGroup", this::putBucketResourceGroup)
                            : request.query().keySet().stream().allMatch(OssSignature::isPresigningParameter)
                            ? new Operation("PutBucket", r -> List.of(RequiredPermission.of("oss:PutBucket", bucketArn(r))),
                            this::putBucket)
                            : unsupported(request);
                }
                case "GET" -> {
                    if (request.has("bucketInfo")) {
                        return bucketOp("GetBucketInfo", "oss:GetBucketInfo", this::getBucketInfo);
                    }
                    if (request.has("location")) {
                        return bucketOp("GetBucketLocation", "oss:GetBucketLocation", this::getBucketLocation);
                    }
                    if (request.has("resourceGroup")) {
                        return bucketOp("GetBucketResourceGroup", "oss:GetBucketResourceGroup", this::getBucketResourceGroup);
                    }
                    if (request.has("acl")) {
                        return bucketOp("GetBucketAcl", "oss:GetBucketAcl", this::getBucketAcl);
                    }
                    return new Operation(request.query("list-type").filter("2"::equals).isPresent() ? "ListObjectsV2" : "ListObjects",
                            r -> List.of(withGroup("oss:ListObjects", bucketArn(r), r.bucket(), Map.of(
                                    "oss:Prefix", List.of(r.query("prefix").orElse("")),
                                    "oss:Delimiter", List.of(r.query("delimiter").orElse(""))))),
                            this::listObjects);
                }
                case "DELETE" -> {
                    return bucketOp("DeleteBucket", "oss:DeleteBucket", this::deleteBucket);
                }
                case "POST" -> {
                    if (request.has("delete")) {
                        return new Operation("DeleteMultipleObjects", this::deleteMultiplePermissions, this::deleteMultiple);
                    }
                }
                default -> {
                    return unsupported(request);
                }
            }
        } else if (method.equals("HEAD") && request.has("objectMeta")) {
            return objectOp("GetObjectMeta", "oss:GetObject", this::headObject);
        } else if (request.query().keySet().stream().noneMatch(OssApi::isObjectSubresource)) {
            switch (method) {
                case "PUT" -> {
                    return request.header("x-oss-copy-source").isPresent()
                            ? new Operation("CopyObject", this::copyPermissions, this::copyObject)
                            : objectOp("PutObject", "oss:PutObject", this::putObject);
                }
                case "GET" -> {
                    return objectOp("GetObject", "oss:GetObject", this::getObject);
                }
                case "HEAD" -> {
                    return objectOp("HeadObject", "oss:GetObject", this::headObject);
                }
                case "DELETE" -> {
                    return objectOp("DeleteObject", "oss:DeleteObject", this::deleteObject);
                }
                default -> {
                    return unsupported(request);
                }
            }
        }
        return unsupported(request);
    }

    /** Query parameters of object requests that are not sub-resources (response header overrides are fine). */
    private static boolean isObjectSubresource(String name) {
        return !name.startsWith("response-") && !OssSignature.isPresigningParameter(name);
    }

    private static Operation unsupported(OssRequest request) {
        throw OssErrors.notImplemented(request.method() + " with " + String.join(",", request.query().keySet()));
    }

    private Operation bucketOp(String name, String action, Function<OssRequest, OssResponse> run) {
        return new Operation(name, r -> List.of(withGroup(action, bucketArn(r), r.bucket(), Map.of())), run);
    }

    private Operation objectOp(String name, String action, Function<OssRequest, OssResponse> run) {
        return new Operation(name, r -> List.of(withGroup(action, objectArn(r.bucket(), r.key()), r.bucket(), Map.of())), run);
    }

    private String bucketArn(OssRequest request) {
        return Arn.oss(service.accountId(), request.bucket()).toString();
    }

    private String objectArn(String bucket, String key) {
        return Arn.oss(service.accountId(), bucket + "/" + key).toString();
    }

    /** Bucket and object permissions are in the bucket's resource group (ram-policy.md §2.3). */
    private RequiredPermission withGroup(String action, String resource, String bucket, Map<String, List<String>> context) {
        return new RequiredPermission(action, resource, service.resourceGroupOf(bucket).orElse(null), context);
    }

    // ---- service and buckets

    private OssResponse listBuckets(OssRequest request) {
        int maxKeys = maxKeys(request);
        String prefix = request.query("prefix").orElse("");
        String marker = request.query("marker").orElse("");
        List<OssBucket> buckets = service.listBuckets(prefix, marker,
                request.header("x-oss-resource-group-id").orElse(""), maxKeys + 1);
        boolean truncated = buckets.size() > maxKeys;
        List<OssBucket> page = truncated ? buckets.subList(0, maxKeys) : buckets;
        OssXml xml = new OssXml().open("ListAllMyBucketsResult");
        if (request.query().containsKey("prefix") || request.query().containsKey("marker") || request.query().containsKey("max-keys")) {
            xml.element("Prefix", prefix).element("Marker", marker).element("MaxKeys", maxKeys)
                    .element("IsTruncated", truncated);
            if (truncated) {
                xml.element("NextMarker", page.get(page.size() - 1).name());
            }
        }
        owner(xml).open("Buckets");
        for (OssBucket bucket : page) {
            xml.open("Bucket").element("CreationDate", bucket.createdAt())
                    .element("ExtranetEndpoint", "oss-" + bucket.region() + ".aliyuncs.com")
                    .element("IntranetEndpoint", "oss-" + bucket.region() + "-internal.aliyuncs.com")
                    .element("Location", "oss-" + bucket.region()).element("Name", bucket.name())
                    .element("Region", bucket.region()).element("StorageClass", bucket.storageClass())
                    .element("ResourceGroupId", bucket.resourceGroupId()).close("Bucket");
        }
        return OssResponse.xml(xml.close("Buckets").close("ListAllMyBucketsResult").toString(), Map.of());
    }

    private OssXml owner(OssXml xml) {
        return xml.open("Owner").element("ID", service.accountId()).element("DisplayName", service.accountId()).close("Owner");
    }

    private OssResponse putBucket(OssRequest request) {
        String storageClass = "Standard";
        byte[] body = request.body().xmlBytes();
        if (body.length > 0) {
            Element configuration = OssXml.parse(body);
            storageClass = OssXml.texts(configuration, "StorageClass").stream().findFirst().orElse(storageClass);
        }
        service.createBucket(request.bucket(), request.region(), request.header("x-oss-acl").orElse("private"), storageClass,
                request.header("x-oss-resource-group-id"));
        return OssResponse.of(200, Map.of("Location", "/" + request.bucket()), new byte[0]);
    }

    private OssResponse getBucketInfo(OssRequest request) {
        OssBucket bucket = service.bucket(request.bucket());
        OssXml xml = new OssXml().open("BucketInfo").open("Bucket")
                .element("AccessMonitor", "Disabled").element("CreationDate", bucket.createdAt())
                .element("ExtranetEndpoint", "oss-" + bucket.region() + ".aliyuncs.com")
                .element("IntranetEndpoint", "oss-" + bucket.region() + "-internal.aliyuncs.com")
                .element("Location", "oss-" + bucket.region()).element("StorageClass", bucket.storageClass())
                .element("TransferAcceleration", "Disabled").element("CrossRegionReplication", "Disabled")
                .element("Name", bucket.name()).element("ResourceGroupId", bucket.resourceGroupId());
        owner(xml).open("AccessControlList").element("Grant", bucket.acl()).close("AccessControlList")
                .element("DataRedundancyType", "LRS").element("Comment", "");
        return OssResponse.xml(xml.close("Bucket").close("BucketInfo").toString(), Map.of());
    }

    private OssResponse getBucketLocation(OssRequest request) {
        OssBucket bucket = service.bucket(request.bucket());
        return OssResponse.xml(new OssXml().element("LocationConstraint", "oss-" + bucket.region()).toString(), Map.of());
    }

    private OssResponse getBucketAcl(OssRequest request) {
        OssBucket bucket = service.bucket(request.bucket());
        OssXml xml = new OssXml().open("AccessControlPolicy");
        owner(xml).open("AccessControlList").element("Grant", bucket.acl()).close("AccessControlList");
        return OssResponse.xml(xml.close("AccessControlPolicy").toString(), Map.of());
    }

    private OssResponse getBucketResourceGroup(OssRequest request) {
        OssBucket bucket = service.bucket(request.bucket());
        return OssResponse.xml(new OssXml().open("BucketResourceGroupConfiguration")
                .element("ResourceGroupId", bucket.resourceGroupId()).close("BucketResourceGroupConfiguration").toString(), Map.of());
    }

    private OssResponse putBucketResourceGroup(OssRequest request) {
        Element configuration = OssXml.parse(request.body().xmlBytes());
        String group = OssXml.texts(configuration, "ResourceGroupId").stream().findFirst().orElse("").trim();
        service.moveBucket(request.bucket(), group);
        return OssResponse.of(200, Map.of(), new byte[0]);
    }

    private OssResponse deleteBucket(OssRequest request) {
        service.deleteBucket(request.bucket());
        return OssResponse.of(204, Map.of(), new byte[0]);
    }

    private OssResponse listObjects(OssRequest request) {
        boolean v2 = request.query("list-type").filter("2"::equals).isPresent();
        String prefix = request.query("prefix").orElse("");
        String delimiter = request.query("delimiter").orElse("");
        int maxKeys = maxKeys(request);
        String marker;
        if (v2) {
            marker = request.query("continuation-token").map(OssApi::decodeToken)
                    .orElse(request.query("start-after").orElse(""));
        } else {
            marker = request.query("marker").orElse("");
        }
        ObjectListing listing = service.listObjects(request.bucket(), prefix, delimiter, marker, maxKeys);
        OssXml xml = new OssXml().open("ListBucketResult").element("Name", request.bucket()).element("Prefix", prefix);
        if (v2) {
            request.query("start-after").ifPresent(value -> xml.element("StartAfter", value));
            request.query("continuation-token").ifPresent(value -> xml.element("ContinuationToken", value));
        } else {
            xml.element("Marker", marker);
        }
        xml.element("MaxKeys", maxKeys).element("Delimiter", delimiter).element("IsTruncated", listing.truncated());
        if (listing.truncated()) {
            if (v2) {
                xml.element("NextContinuationToken", encodeToken(listing.nextMarker()));
            } else {
                xml.element("NextMarker", listing.nextMarker());
            }
        }
        if (v2) {
            xml.element("KeyCount", listing.objects().size() + listing.commonPrefixes().size());
        }
        boolean withOwner = !v2 || request.query("fetch-owner").filter("true"::equals).isPresent();
        for (OssObject object : listing.objects()) {
            xml.open("Contents").element("Key", object.key()).element("LastModified", object.lastModified())
                    .element("ETag", "\"" + object.etag() + "\"").element("Type", "Normal").element("Size", object.size())
                    .element("StorageClass", "Standard");
            if (withOwner) {
                owner(xml);
            }
            xml.close("Contents");
        }
        for (String commonPrefix : listing.commonPrefixes()) {
            xml.open("CommonPrefixes").element("Prefix", commonPrefix).close("CommonPrefixes");
        }
        return OssResponse.xml(xml.close("ListBucketResult").toString(), Map.of());
    }

    private static String encodeToken(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OssErrors.invalidArgument("The continuation-token is not valid.");
        }
    }

    private static int maxKeys(OssRequest request) {
        Optional<String> value = request.query("max-keys");
        if (value.isEmpty()) {
            return OssService.MAX_KEYS_DEFAULT;
        }
        try {
            int maxKeys = Integer.parseInt(value.get());
            if (maxKeys < 1 || maxKeys > OssService.MAX_KEYS_LIMIT) {
                throw OssErrors.invalidArgument("max-keys must be from 1 to " + OssService.MAX_KEYS_LIMIT + ".");
            }
            return maxKeys;
        } catch (NumberFormatException e) {
            throw OssErrors.invalidArgument("max-keys must be a number.");
        }
    }

    /** The keys of a DeleteMultipleObjects body, and whether the answer lists them. */
    private record DeleteList(List<String> keys, boolean quiet) {

        static DeleteList of(OssRequest request) {
            Element delete = OssXml.parse(request.body().xmlBytes());
            return new DeleteList(OssXml.texts(delete, "Key"),
                    OssXml.texts(delete, "Quiet").stream().anyMatch("true"::equalsIgnoreCase));
        }
    }

    /** oss:DeleteObject on every key the body names (so the body is read after authentication, at authorization). */
    private List<RequiredPermission> deleteMultiplePermissions(OssRequest request) {
        return DeleteList.of(request).keys().stream()
                .map(key -> withGroup("oss:DeleteObject", objectArn(request.bucket(), key), request.bucket(), Map.of()))
                .toList();
    }

    private OssResponse deleteMultiple(OssRequest request) {
        DeleteList list = DeleteList.of(request);
        List<String> deleted = service.deleteObjects(request.bucket(), list.keys());
        OssXml xml = new OssXml().open("DeleteResult");
        if (!list.quiet()) {
            deleted.forEach(key -> xml.open("Deleted").element("Key", key).close("Deleted"));
        }
        return OssResponse.xml(xml.close("DeleteResult").toString(), Map.of());
    }

    // ---- objects

    private OssResponse putObject(OssRequest request) {
        try (InputStream body = request.body().stream()) {
            OssObject object = service.putObject(request.bucket(), request.key(), body,
                    request.header("content-type").filter(type -> !type.isEmpty()).orElse("application/octet-stream"),
                    request.header("content-md5"), metadata(request),
                    request.header("x-oss-forbid-overwrite").filter("true"::equalsIgnoreCase).isPresent());
            return OssResponse.of(200, objectHeaders(object, false), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> metadata(OssRequest request) {
        Map<String, String> metadata = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> {
            if (name.startsWith("x-oss-meta-")) {
                metadata.put(name.substring("x-oss-meta-".length()), value);
            }
        });
        return metadata;
    }

    private Map<String, String> objectHeaders(OssObject object, boolean full) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", "\"" + object.etag() + "\"");
        headers.put("x-oss-hash-crc64ecma", object.crc64());
        headers.put("Content-MD5", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(object.etag())));
        if (full) {
            headers.put("Content-Type", object.contentType());
            headers.put("Last-Modified", HTTP_DATE.format(Instant.parse(object.lastModified())));
            headers.put("x-oss-object-type", "Normal");
            headers.put("x-oss-storage-class", "Standard");
            headers.put("Accept-Ranges", "bytes");
            object.metadata().forEach((name, value) -> headers.put("x-oss-meta-" + name, value));
        }
        return headers;
    }

    private OssResponse getObject(OssRequest request) {
        OssService.OpenedObject opened = service.openObject(request.bucket(), request.key());
        OssObject object = opened.object();
        Map<String, String> headers = objectHeaders(object, true);
        request.query("response-content-type").ifPresent(type -> headers.put("Content-Type", type));
        request.query("response-content-disposition").ifPresent(value -> headers.put("Content-Disposition", value));
        boolean standard = request.header("x-oss-range-behavior").filter("standard"::equalsIgnoreCase).isPresent();
        Optional<long[]> range;
        try {
            range = request.header("range").flatMap(value -> ByteRange.parse(value, object.size(), standard));
        } catch (RuntimeException e) {
            closeQuietly(opened.content()); // InvalidRange: the response will not stream the file, so close it here
            throw e;
        }
        if (range.isPresent()) {
            long[] span = range.get();
            headers.put("Content-Range", "bytes " + span[0] + "-" + (span[0] + span[1] - 1) + "/" + object.size());
            headers.remove("x-oss-hash-crc64ecma"); // the checksum is of the whole object
            return OssResponse.file(206, headers, opened.content(), span[0], span[1]);
        }
        return OssResponse.file(200, headers, opened.content(), 0, object.size());
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // a read-only channel has nothing to flush
        }
    }

    private OssResponse headObject(OssRequest request) {
        OssObject object = service.headObject(request.bucket(), request.key());
        Map<String, String> headers = objectHeaders(object, true);
        headers.put("Content-Length", Long.toString(object.size()));
        return OssResponse.of(200, headers, new byte[0]);
    }

    private OssResponse deleteObject(OssRequest request) {
        service.deleteObject(request.bucket(), request.key());
        return OssResponse.of(204, Map.of(), new byte[0]);
    }

    /** CopyObject needs oss:GetObject on the source and oss:PutObject on the target. */
    private List<RequiredPermission> copyPermissions(OssRequest request) {
        String[] source = copySource(request);
        return List.of(withGroup("oss:GetObject", objectArn(source[0], source[1]), source[0], Map.of()),
                withGroup("oss:PutObject", objectArn(request.bucket(), request.key()), request.bucket(), Map.of()));
    }

    private OssResponse copyObject(OssRequest request) {
        String[] source = copySource(request);
        boolean replace = request.header("x-oss-metadata-directive").filter("REPLACE"::equalsIgnoreCase).isPresent();
        OssObject copy = service.copyObject(source[0], source[1], request.bucket(), request.key(),
                replace ? Optional.of(metadata(request)) : Optional.empty(),
                replace ? request.header("content-type") : Optional.empty());
        return OssResponse.xml(new OssXml().open("CopyObjectResult").element("ETag", "\"" + copy.etag() + "\"")
                .element("LastModified", copy.lastModified()).close("CopyObjectResult").toString(),
                Map.of("x-oss-hash-crc64ecma", copy.crc64()));
    }

    /** {@code x-oss-copy-source: /<bucket>/<url-encoded key>}. */
    private static String[] copySource(OssRequest request) {
        String source = URLDecoder.decode(request.header("x-oss-copy-source").orElse(""), StandardCharsets.UTF_8);
        String path = source.startsWith("/") ? source.substring(1) : source;
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw OssErrors.invalidArgument("x-oss-copy-source must be /<bucket>/<key>.");
        }
        return new String[] {path.substring(0, slash), path.substring(slash + 1)};
    }
}
