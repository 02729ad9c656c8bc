package fcperm.sandbox.oss;

/** A bucket: its name, region, ACL, storage class, creation time (ISO-8601 with millis) and resource group. */
public record OssBucket(String name, String region, String acl, String storageClass, String createdAt,
                        String resourceGroupId) {
}
