package fcperm.cloud;

import java.util.List;
import java.util.Optional;

/** OSS. Methods that change something return the request id of the call. */
public interface ObjectStorage {

    List<BucketSummary> listBuckets() throws CloudException;

    /** Creates the bucket in {@code region} in the account's default resource group. */
    default String createBucket(String bucket, String region) throws CloudException {
        return createBucket(bucket, region, Optional.empty());
    }

    String createBucket(String bucket, String region, Optional<String> resourceGroupId)
            throws CloudException;

    String deleteBucket(String bucket) throws CloudException;

    StoredObject getObject(String bucket, String key) throws CloudException;

    String putObject(String bucket, String key, byte[] content) throws CloudException;

    String deleteObject(String bucket, String key) throws CloudException;
}
