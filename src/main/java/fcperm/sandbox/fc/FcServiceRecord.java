package fcperm.sandbox.fc;

/** An FC 2.0 service as stored: its settings; {@code role} is a role ARN or empty. Times are ISO-8601 UTC. */
public record FcServiceRecord(String region, String name, String id, String description, String role,
                              String logProject, String logStore, String vpcConfigJson, boolean internetAccess,
                              String resourceGroupId, String createdTime, String lastModifiedTime) {

    /** An ETag that changes whenever the service does. */
    public String etag() {
        return Integer.toHexString((id + lastModifiedTime + role + description).hashCode());
    }
}
