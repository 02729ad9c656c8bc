package fcperm.sandbox.identity;

/** A resource placed in a resource group by its own service (an OSS bucket, an FC service, ...). */
public record GroupedResource(String service, String resourceType, String resourceId, String regionId, String resourceGroupId,
                       String createDate) {
}
