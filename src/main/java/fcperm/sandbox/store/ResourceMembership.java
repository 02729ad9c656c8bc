package fcperm.sandbox.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Which resource group each grouped resource belongs to. The owning service writes it in the same transaction that
 * creates, moves or deletes the resource (OSS PutBucket with {@code x-oss-resource-group-id}, FC CreateService, ...);
 * Resource Manager's ListResources and the authorizer (resource-group-scoped policies) read it.
 */
public final class ResourceMembership {

    /** A grouped resource, named as Resource Manager names it (Service "oss", ResourceType "bucket", ...). */
    public record Resource(String service, String resourceType, String regionId, String resourceId) {
    }

    /** A resource with its group and the time it joined. */
    public record Member(Resource resource, String resourceGroupId, String createdAt) {
    }

    private ResourceMembership() {
    }

    /** Puts {@code resource} into {@code resourceGroupId} (moving it if it was in another group). */
    public static void place(Tx tx, Resource resource, String resourceGroupId, String now) throws SQLException {
        tx.update("INSERT INTO resource_membership (service, resource_type, region_id, resource_id, resource_group_id, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (service, resource_type, region_id, resource_id)"
                        + " DO UPDATE SET resource_group_id = excluded.resource_group_id",
                resource.service(), resource.resourceType(), resource.regionId(), resource.resourceId(),
                resourceGroupId, now);
    }

    public static void remove(Tx tx, Resource resource) throws SQLException {
        tx.update("DELETE FROM resource_membership WHERE service = ? AND resource_type = ? AND region_id = ? AND resource_id = ?",
                resource.service(), resource.resourceType(), resource.regionId(), resource.resourceId());
    }

    /** The group of {@code resource}, empty when the resource is not (or no longer) grouped. */
    public static Optional<String> groupOf(Tx tx, Resource resource) throws SQLException {
        return tx.queryOne("SELECT resource_group_id FROM resource_membership"
                        + " WHERE service = ? AND resource_type = ? AND region_id = ? AND resource_id = ?",
                row -> row.getString(1),
                resource.service(), resource.resourceType(), resource.regionId(), resource.resourceId());
    }

    /** Members of one group, or of every group when {@code resourceGroupId} is null; ordered for stable paging. */
    public static List<Member> members(Tx tx, String resourceGroupId) throws SQLException {
        return tx.query("SELECT service, resource_type, region_id, resource_id, resource_group_id, created_at"
                        + " FROM resource_membership WHERE (? IS NULL OR resource_group_id = ?)"
                        + " ORDER BY service, resource_type, region_id, resource_id",
                row -> new Member(new Resource(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                        row.getString(5), row.getString(6)),
                resourceGroupId, resourceGroupId);
    }

    /** The id of the account's default resource group (every account has one). */
    public static String defaultGroupId(Tx tx) throws SQLException {
        return tx.queryOne("SELECT id FROM resource_group WHERE is_default = 1", row -> row.getString(1))
                .orElseThrow(() -> new IllegalStateException("the account has no default resource group"));
    }

    public static boolean groupExists(Tx tx, String resourceGroupId) throws SQLException {
        return tx.exists("SELECT 1 FROM resource_group WHERE id = ?", resourceGroupId);
    }
}
