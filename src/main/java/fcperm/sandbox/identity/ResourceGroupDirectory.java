package fcperm.sandbox.identity;

import fcperm.sandbox.store.Tx;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Resource groups, and the attachments and group memberships Resource Manager reads and writes. Attachments live in
 * the identity plane's {@code policy_attachment} table, which RAM and the authorizer read too; memberships in
 * {@code resource_membership}, which the services owning the resources write. Every listing is ordered by a unique
 * key, so pages neither repeat nor skip rows.
 */
public final class ResourceGroupDirectory {

    /** A filter as SQL: the WHERE clause and its arguments, built one condition at a time. */
    private static final class Where {
        private final List<String> clauses = new ArrayList<>();
        private final List<Object> args = new ArrayList<>();

        Where add(String clause, Object... values) {
            clauses.add(clause);
            Collections.addAll(args, values);
            return this;
        }

        Where add(String clause, Optional<?> value) {
            value.ifPresent(present -> add(clause, present));
            return this;
        }

        String sql() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }

        Object[] args(Object... more) {
            List<Object> all = new ArrayList<>(args);
            Collections.addAll(all, more);
            return all.toArray();
        }
    }

    /** An attachment row: the principal as stored (type User/Role and its short name), and the custom policy's description. */
    public record AttachmentRow(String policyType, String policyName, String principalType, String principalName, String scope,
                         String attachedAt, String customDescription) {
    }

    private static final String GROUP_COLUMNS = "id, name, display_name, status, is_default, created_at";
    private static final String ATTACHMENT_FROM = " FROM policy_attachment a"
            + " LEFT JOIN ram_user u ON a.principal_type = 'User' AND u.id = a.principal_id"
            + " LEFT JOIN ram_role r ON a.principal_type = 'Role' AND r.id = a.principal_id"
            + " LEFT JOIN ram_policy p ON a.policy_type = 'Custom' AND p.name = a.policy_name";
    private static final String RESOURCE_COLUMNS =
            "service, resource_type, resource_id, region_id, resource_group_id, created_at";

    // ---- resource groups

    public List<ResourceGroupRecord> groups(Tx tx, GroupQuery query, PageRequest page) throws SQLException {
        Where where = where(query);
        return tx.query("SELECT " + GROUP_COLUMNS + " FROM resource_group" + where.sql()
                        + " ORDER BY is_default DESC, created_at, id LIMIT ? OFFSET ?",
                ResourceGroupDirectory::group, where.args(page.size(), page.offset()));
    }

    public long groupCount(Tx tx, GroupQuery query) throws SQLException {
        Where where = where(query);
        return tx.number("SELECT COUNT(*) FROM resource_group" + where.sql(), where.args());
    }

    private static Where where(GroupQuery query) {
        Where where = new Where();
        if (!query.ids().isEmpty()) {
            where.add("id IN (" + String.join(", ", Collections.nCopies(query.ids().size(), "?")) + ")",
                    query.ids().toArray());
        }
        return where.add("name LIKE ? ESCAPE '\\'", query.nameContains().map(ResourceGroupDirectory::containing))
                .add("display_name LIKE ? ESCAPE '\\'", query.displayNameContains().map(ResourceGroupDirectory::containing))
                .add("status = ?", query.status());
    }

    /** A LIKE pattern matching values that contain {@code fragment} literally. */
    private static String containing(String fragment) {
        return "%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public Optional<ResourceGroupRecord> group(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + GROUP_COLUMNS + " FROM resource_group WHERE id = ?", ResourceGroupDirectory::group, id);
    }

    public boolean groupNameTaken(Tx tx, String name) throws SQLException {
        return tx.exists("SELECT 1 FROM resource_group WHERE name = ?", name);
    }

    public void insertGroup(Tx tx, ResourceGroupRecord group) throws SQLException {
        tx.update("INSERT INTO resource_group (" + GROUP_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", group.id(), group.name(),
                group.displayName(), group.status(), group.isDefault() ? 1 : 0, group.createDate());
    }

    public void updateDisplayName(Tx tx, String id, String displayName) throws SQLException {
        tx.update("UPDATE resource_group SET display_name = ? WHERE id = ?", displayName, id);
    }

    private static ResourceGroupRecord group(ResultSet row) throws SQLException {
        return new ResourceGroupRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getInt(5) != 0, row.getString(6));
    }

    // ---- the identities and policies attachments name

    /** The id of the user or role with this (case-insensitive) name; stored type User or Role. */
    public Optional<String> principalId(Tx tx, String storedType, String name) throws SQLException {
        String table = switch (storedType) {
            case "User" -> "ram_user";
            case "Role" -> "ram_role";
            default -> null;
        };
        return table == null ? Optional.empty()
                : tx.queryOne("SELECT id FROM " + table + " WHERE name = ?", row -> row.getString(1), name);
    }

    /** A custom policy's name as it was created (names are case-insensitive). */
    public Optional<String> customPolicyName(Tx tx, String name) throws SQLException {
        return tx.queryOne("SELECT name FROM ram_policy WHERE name = ?", row -> row.getString(1), name);
    }

    // ---- attachments

    public boolean attached(Tx tx, StoredGrant grant) throws SQLException {
        return tx.exists("SELECT 1 FROM policy_attachment WHERE policy_type = ? AND policy_name = ? AND principal_type = ?"
                        + " AND principal_id = ? AND scope = ?",
                grant.policyType(), grant.policyName(), grant.principalType(), grant.principalId(), grant.scope());
    }

    public void attach(Tx tx, StoredGrant grant, String now) throws SQLException {
        tx.update("INSERT INTO policy_attachment (policy_type, policy_name, principal_type, principal_id, scope, attached_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                grant.policyType(), grant.policyName(), grant.principalType(), grant.principalId(), grant.scope(), now);
    }

    public void detach(Tx tx, StoredGrant grant) throws SQLException {
        tx.update("DELETE FROM policy_attachment WHERE policy_type = ? AND policy_name = ? AND principal_type = ?"
                        + " AND principal_id = ? AND scope = ?",
                grant.policyType(), grant.policyName(), grant.principalType(), grant.principalId(), grant.scope());
    }

    /** A grant resolved to the keys of {@code policy_attachment}. */
    public record StoredGrant(String policyType, String policyName, String principalType, String principalId, String scope) {
    }

    public List<AttachmentRow> attachments(Tx tx, AttachmentQuery query, PageRequest page) throws SQLException {
        Where where = where(query);
        return tx.query("SELECT a.policy_type, a.policy_name, a.principal_type, COALESCE(u.name, r.name), a.scope,"
                        + " a.attached_at, p.description" + ATTACHMENT_FROM + where.sql()
                        + " ORDER BY a.attached_at, a.policy_type, a.policy_name, a.principal_type, a.principal_id, a.scope"
                        + " LIMIT ? OFFSET ?",
                row -> new AttachmentRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7)),
                where.args(page.size(), page.offset()));
    }

    public long attachmentCount(Tx tx, AttachmentQuery query) throws SQLException {
        Where where = where(query);
        return tx.number("SELECT COUNT(*)" + ATTACHMENT_FROM + where.sql(), where.args());
    }

    private static Where where(AttachmentQuery query) {
        return new Where()
                .add("a.scope = ?", query.scope())
                .add("a.policy_type = ?", query.policyType())
                .add("a.policy_name = ? COLLATE NOCASE", query.policyName())
                .add("a.principal_type = ?", query.principalType())
                .add("COALESCE(u.name, r.name) = ? COLLATE NOCASE", query.principalName());
    }

    // ---- grouped resources

    public List<GroupedResource> resources(Tx tx, ResourceQuery query, PageRequest page) throws SQLException {
        Where where = where(query);
        return tx.query("SELECT " + RESOURCE_COLUMNS + " FROM resource_membership" + where.sql()
                        + " ORDER BY created_at, service, resource_type, region_id, resource_id LIMIT ? OFFSET ?",
                row -> new GroupedResource(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6)),
                where.args(page.size(), page.offset()));
    }

    public long resourceCount(Tx tx, ResourceQuery query) throws SQLException {
        Where where = where(query);
        return tx.number("SELECT COUNT(*) FROM resource_membership" + where.sql(), where.args());
    }

    private static Where where(ResourceQuery query) {
        Where where = new Where()
                .add("resource_group_id = ?", query.resourceGroupId())
                .add("service = ?", query.service())
                .add("region_id = ?", query.regionId())
                .add("resource_type = ?", query.resourceType())
                .add("resource_id = ?", query.resourceId());
        if (!query.types().isEmpty()) {
            List<String> alternatives = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (ResourceQuery.ResourceType type : query.types()) {
                values.add(type.service());
                type.resourceType().ifPresent(values::add);
                alternatives.add(type.resourceType().isPresent() ? "(service = ? AND resource_type = ?)" : "service = ?");
            }
            where.add("(" + String.join(" OR ", alternatives) + ")", values.toArray());
        }
        return where;
    }
}
