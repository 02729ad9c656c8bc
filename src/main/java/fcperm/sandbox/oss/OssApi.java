package fcperm.sandbox.oss;

import fcperm.sandbox.auth.RequiredPermission;
import fcperm.sandbox.http.oss.OssErrors;
import fcperm.sandbox.http.oss.OssOperation;
import fcperm.sandbox.http.oss.OssRequest;
import fcperm.sandbox.http.oss.OssResponse;
import fcperm.sandbox.http.oss.OssSignature;
import fcperm.sandbox.http.oss.OssXml;
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
import java.util.function.Predicate;

/**
 * OSS's operation table ({@link #table()}): which method, target (service, bucket or object) and sub-resource is
 * which operation, the RAM permission each needs (OSS actions on {@code acs:oss:*:<uid>:<bucket>[/<key>]}, in the bucket's resource group, with
 * {@code oss:Prefix}/{@code oss:Delimiter} for listings), and the XML shapes of wire-protocols.md §5.6.
 */
public final class OssApi implements OssOperation.Table {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final OssService service;
    private final List<Row> rows;

    public OssApi(OssService service) {
        this.service = service;
        this.rows = table();
    }

    /** What a request's path names: the service (no bucket), a bucket (no key) or an object. */
    private enum Target {
        SERVICE, BUCKET, OBJECT;

        static Target of(OssRequest request) {
            return request.bucket().isEmpty() ? SERVICE : request.key().isEmpty() ? BUCKET : OBJECT;
        }
    }

    /** One row of the table: the method, the target, what else the request must show, and the operation. */
    private record Row(String method, Target target, Predicate<OssRequest> when, OssOperation operation) {

        boolean matches(OssRequest request) {
            return method.equals(request.method()) && target == Target.of(request) && when.test(request);
        }
    }

    /** Asked in order; the first row that matches is the operation (so sub-resources come before the plain form). */
    private List<Row> table() {
        return List.of(
                new Row("GET", Target.SERVICE, any(), new OssOperation("ListBuckets",
                        r -> List.of(RequiredPermission.of("oss:ListBuckets", Arn.oss(service.accountId(), "*"))),
                        this::listBuckets)),

                new Row("PUT", Target.BUCKET, has("resourceGroup"),
                        bucketOp("PutBucketResourceGroup", "oss:PutBucketResourceGroup", this::putBucketResourceGroup)),
                new Row("PUT", Target.BUCKET, OssApi::onlyPresigning, new OssOperation("PutBucket",
                        r -> List.of(RequiredPermission.of("oss:PutBucket", bucketArn(r))), this::putBucket)),
                new Row("GET", Target.BUCKET, has("bucketInfo"), bucketOp("GetBucketInfo", "oss:GetBucketInfo", this::getBucketInfo)),
                new Row("GET", Target.BUCKET, has("location"),
                        bucketOp("GetBucketLocation", "oss:GetBucketLocation", this::getBucketLocation)),
                new Row("GET", Target.BUCKET, has("resourceGroup"),
                        bucketOp("GetBucketResourceGroup", "oss:GetBucketResourceGroup", this::getBucketResourceGroup)),
                new Row("GET", Target.BUCKET, has("acl"), bucketOp("GetBucketAcl", "oss:GetBucketAcl", this::getBucketAcl)),
                new Row("GET", Target.BUCKET, OssApi::listTypeTwo, listing("ListObjectsV2")),
                new Row("GET", Target.BUCKET, any(), listing("ListObjects")),
                new Row("DELETE", Target.BUCKET, any(), bucketOp("DeleteBucket", "oss:DeleteBucket", this::deleteBucket)),
                new Row("POST", Target.BUCKET, has("delete"),
                        new OssOperation("DeleteMultipleObjects", this::deleteMultiplePermissions, this::deleteMultiple)),

                new Row("HEAD", Target.OBJECT, has("objectMeta"), objectOp("GetObjectMeta", "oss:GetObject", this::headObject)),
                new Row("PUT", Target.OBJECT, plainObject().and(r -> r.header("x-oss-copy-source").isPresent()),
                        new OssOperation("CopyObject", this::copyPermissions, this::copyObject)),
                new Row("PUT", Target.OBJECT, plainObject(), objectOp("PutObject", "oss:PutObject", this::putObject)),
                new Row("GET", Target.OBJECT, plainObject(), objectOp("GetObject", "oss:GetObject", this::getObject)),
                new Row("HEAD", Target.OBJECT, plainObject(), objectOp("HeadObject", "oss:GetObject", this::headObject)),
                new Row("DELETE", Target.OBJECT, plainObject(), objectOp("DeleteObject", "oss:DeleteObject", this::deleteObject)));
    }

    @Override
    public OssOperation operation(OssRequest request) {
        return rows.stream().filter(row -> row.matches(request)).findFirst().map(Row::operation)
                .orElseThrow(() -> OssErrors.notImplemented(request.method() + " with "
                        + String.join(",", request.query().keySet())));
    }

    private static Predicate<OssRequest> any() {
        return request -> true;
    }

    private static Predicate<OssRequest> has(String subresource) {
        return request -> request.has(subresource);
    }

    /** PutBucket carries no sub-resource: its query may hold only a presigned URL's parameters. */
    private static boolean onlyPresigning(OssRequest request) {
        return request.query().keySet().stream().allMatch(OssSignature::isPresigningParameter);
    }

    private static boolean listTypeTwo(OssRequest request) {
        return request.query("list-type").filter("2"::equals).isPresent();
    }

    /** An object request without a sub-resource (response header overrides and presigning parameters are fine). */
    private static Predicate<OssRequest> plainObject() {
        return request -> request.query().keySet().stream().noneMatch(OssApi::isObjectSubresource);
    }

    /** A listing needs oss:ListObjects with the prefix and delimiter as condition keys (docs/ram-policy.md §2.5). */
    private OssOperation listing(String name) {
        return new OssOperation(name, r -> List.of(withGroup("oss:ListObjects", bucketArn(r), r.bucket(), Map.of(
                "oss:Prefix", List.of(r.query("prefix").orElse("")),
                "oss:Delimiter", List.of(r.query("delimiter").orElse(""))))), this::listObjects);
    }

    /** Query parameters of object requests that are not sub-resources (response header overrides are fine). */
    private static boolean isObjectSubresource(String name) {
        return !name.startsWith("response-") && !OssSignature.isPresigningParameter(name);
    }

    private OssOperation bucketOp(String name, String action, Function<OssRequest, OssResponse> run) {
        return new OssOperation(name, r -> List.of(withGroup(action, bucketArn(r), r.bucket(), Map.of())), run);
    }

    private OssOperation objectOp(String name, String action, Function<OssRequest, OssResponse> run) {
        return new OssOperation(name, r -> List.of(withGroup(action, objectArn(r.bucket(), r.key()), r.bucket(), Map.of())), run);
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
