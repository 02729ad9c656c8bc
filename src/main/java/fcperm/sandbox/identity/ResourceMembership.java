package fcperm.sandbox.identity;

import fcperm.sandbox.store.Tx;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Which resource group each grouped resource belongs to. The service that owns a resource (OSS for buckets, FC for
 * services) places it in the same transaction that creates it, moves it, and removes it when the resource is
 * deleted; Resource Manager's ListResources and the authorizer (resource-group-scoped grants) read the same rows.
 */
public final class ResourceMembership {

    /** A grouped resource, named as Resource Manager names it (Service "oss", ResourceType "bucket", ...). */
    public record Resource(String service, String resourceType, String regionId, String resourceId) {
    }

    private ResourceMembership() {
    }

    /** Puts {@code resource} into {@code resourceGroupId}, moving it if it was in another group. */
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

    /** The id of the account's default resource group (every account has one), where new resources go. */
    public static String defaultGroupId(Tx tx) throws SQLException {
        return tx.queryOne("SELECT id FROM resource_group WHERE is_default = 1", row -> row.getString(1))
                .orElseThrow(() -> new IllegalStateException("the account has no default resource group"));
    }

    public static boolean groupExists(Tx tx, String resourceGroupId) throws SQLException {
        return tx.exists("SELECT 1 FROM resource_group WHERE id = ?", resourceGroupId);
    }
}
