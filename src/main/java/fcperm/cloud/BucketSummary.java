package fcperm.cloud;

import java.util.Optional;

/** An OSS bucket of the account, with its region and the resource group it belongs to (when OSS says). */
public record BucketSummary(String name, String region, Optional<String> resourceGroupId) {
}
