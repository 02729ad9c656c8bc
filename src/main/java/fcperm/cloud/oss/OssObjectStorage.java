package fcperm.cloud.oss;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.ClientException;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.Bucket;
import com.aliyun.oss.model.BucketList;
import com.aliyun.oss.model.CreateBucketRequest;
import com.aliyun.oss.model.ListBucketsRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.credentials.Client;
import fcperm.cloud.BucketSummary;
import fcperm.cloud.Cancellation;
import fcperm.cloud.CloudException;
import fcperm.cloud.ObjectStorage;
import fcperm.cloud.Progress;
import fcperm.cloud.StoredObject;
import fcperm.cloud.sdk.Call;
import fcperm.cloud.sdk.Failures;
import fcperm.cloud.sdk.Pager;
import fcperm.cloud.sdk.Retry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * OSS through aliyun-sdk-oss. OSS answers a bucket only on the endpoint of the bucket's region, so there is a client
 * per region, and the region of each bucket is remembered from listings and creations (the default region until
 * then). The SDK's own retries are switched off so that only idempotent calls are repeated, by {@link Retry}.
 */
public final class OssObjectStorage implements ObjectStorage, AutoCloseable {

    /**
     * The OSS SDK does not hand out the HTTP status of an error; these are the statuses OSS documents for the codes
     * this app meets.
     */
    private static final Map<String, Integer> STATUS_OF_CODE = Map.ofEntries(
            Map.entry("AccessDenied", 403), Map.entry("InvalidAccessKeyId", 403),
            Map.entry("SignatureDoesNotMatch", 403), Map.entry("SecurityTokenExpired", 403),
            Map.entry("InvalidSecurityToken", 403), Map.entry("NoSuchBucket", 404), Map.entry("NoSuchKey", 404),
            Map.entry("BucketAlreadyExists", 409), Map.entry("BucketNotEmpty", 409),
            Map.entry("InvalidBucketName", 400), Map.entry("InvalidObjectName", 400),
            Map.entry("InvalidArgument", 400));

    private final Function<String, URI> endpointOfRegion;
    private final String region;
    private final OssCredentials credentials;
    private final int pageSize;
    private final Map<String, OSS> clients = new ConcurrentHashMap<>();
    private final Map<String, String> regionOfBucket = new ConcurrentHashMap<>();

    public OssObjectStorage(Function<String, URI> endpointOfRegion, String region,
                            Client credentials, int pageSize) {
        this.endpointOfRegion = endpointOfRegion;
        this.region = region;
        this.credentials = new OssCredentials(credentials);
        this.pageSize = pageSize;
    }

    private OSS client(String bucketRegion) {
        return clients.computeIfAbsent(bucketRegion, r -> {
            ClientBuilderConfiguration configuration = new ClientBuilderConfiguration();
            configuration.setMaxErrorRetry(0);
            return OSSClientBuilder.create()
                    .endpoint(endpointOfRegion.apply(r).toString())
                    .credentialsProvider(credentials)
                    .clientConfiguration(configuration)
                    .region(r)
                    .build();
        });
    }

    private String regionOf(String bucket) {
        return regionOfBucket.getOrDefault(bucket, region);
    }

    @Override
    public List<BucketSummary> listBuckets() throws CloudException {
        return listBuckets(Progress.NONE, Cancellation.NEVER);
    }

    /** Every bucket of the account, page by page. */
    public List<BucketSummary> listBuckets(Progress progress, Cancellation cancellation) throws CloudException {
        return Pager.all(marker -> {
            ListBucketsRequest request = new ListBucketsRequest();
            request.setMaxKeys(pageSize);
            marker.ifPresent(request::setMarker);
            BucketList page = send(region, Call.idempotent("oss:ListBuckets", "bucket/*"),
                    () -> client(region).listBuckets(request));
            List<BucketSummary> buckets = page.getBucketList().stream().map(this::summary).toList();
            return Pager.Page.of(buckets, page.isTruncated() ? Optional.ofNullable(page.getNextMarker())
                    : Optional.empty());
        }, progress, cancellation);
    }

    private BucketSummary summary(Bucket bucket) {
        String location = Optional.ofNullable(bucket.getRegion()).orElse(
                Optional.ofNullable(bucket.getLocation()).map(l -> l.replaceFirst("^oss-", "")).orElse(region));
        regionOfBucket.put(bucket.getName(), location);
        return new BucketSummary(bucket.getName(), location,
                Optional.ofNullable(bucket.getResourceGroupId()).filter(id -> !id.isEmpty()));
    }

    @Override
    public String createBucket(String bucket, String bucketRegion, Optional<String> resourceGroupId)
            throws CloudException {
        CreateBucketRequest request = new CreateBucketRequest(bucket);
        resourceGroupId.ifPresent(request::setResourceGroupId);
        String requestId = send(bucketRegion, Call.once("oss:PutBucket", "bucket/" + bucket),
                () -> client(bucketRegion).createBucket(request)).getRequestId();
        regionOfBucket.put(bucket, bucketRegion);
        return requestId;
    }

    @Override
    public String deleteBucket(String bucket) throws CloudException {
        return send(regionOf(bucket), Call.idempotent("oss:DeleteBucket", "bucket/" + bucket),
                () -> client(regionOf(bucket)).deleteBucket(bucket))
                .getRequestId();
    }

    @Override
    public StoredObject getObject(String bucket, String key) throws CloudException {
        Call call = Call.idempotent("oss:GetObject", bucket + "/" + key);
        return send(regionOf(bucket), call, () -> {
            try (OSSObject object = client(regionOf(bucket)).getObject(bucket, key); InputStream in = object.getObjectContent()) {
                return new StoredObject(bucket, key, in.readAllBytes(), object.getObjectMetadata().getETag(),
                        object.getRequestId());
            } catch (IOException e) {
                throw new ClientException("reading " + bucket + "/" + key + " failed", e);
            }
        });
    }

    @Override
    public String putObject(String bucket, String key, byte[] content) throws CloudException {
        return send(regionOf(bucket), Call.idempotent("oss:PutObject", bucket + "/" + key),
                () -> client(regionOf(bucket)).putObject(bucket, key, new ByteArrayInputStream(content))).getRequestId();
    }

    @Override
    public String deleteObject(String bucket, String key) throws CloudException {
        return send(regionOf(bucket), Call.idempotent("oss:DeleteObject", bucket + "/" + key),
                () -> client(regionOf(bucket)).deleteObject(bucket, key)).getRequestId();
    }

    /** Sends a request to the OSS endpoint of {@code target}, a region. */
    private <T> T send(String target, Call call, Supplier<T> request) throws CloudException {
        return Retry.run(call, () -> {
            try {
                return request.get();
            } catch (OSSException e) {
                throw CloudException.of(call.operation(), call.resource(), e.getErrorCode(),
                        STATUS_OF_CODE.getOrDefault(e.getErrorCode(), 0), e.getRequestId(), e.getErrorMessage(), e);
            } catch (ClientException e) {
                throw Failures.cloudCause(e).orElseGet(() -> CloudException.unreachable(call.operation(),
                        endpointOfRegion.apply(target).toString(), e));
            }
        });
    }

    @Override
    public void close() {
        clients.values().forEach(OSS::shutdown);
    }
}
