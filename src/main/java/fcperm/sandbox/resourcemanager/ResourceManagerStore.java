package fcperm.sandbox.resourcemanager;

import fcperm.sandbox.store.Tx;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resource groups, and the attachments and group memberships Resource Manager reads and writes. Attachments live in
 * the identity plane's {@code policy_attachment} table, which RAM and the authorizer read too.
 */
final class ResourceManagerStore {

    /** A filter as SQL: the WHERE clause and its arguments. */
    record Where(String sql, List<Object> args) {
        static Where of(List<String> clauses, List<Object> args) {
            return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), args);
        }
    }

    private static final String GROUP_COLUMNS = "id, name, display_name, status, is_default, created_at";
    private static final String ATTACHMENT_FROM = " FROM policy_attachment a"
            + " LEFT JOIN ram_user u ON a.principal_type = 'User' AND u.id = a.principal_id"
            + " LEFT JOIN ram_role r ON a.principal_type = 'Role' AND r.id = a.principal_id"
            + " LEFT JOIN ram_policy p ON a.policy_type = 'Custom' AND p.name = a.policy_name";

    List<ResourceGroup> groups(Tx tx, Where where, int offset, int limit) throws SQLException {
        List<Object> args = new ArrayList<>(where.args());
        args.add(limit);
        args.add(offset);
        return tx.query("SELECT " + GROUP_COLUMNS + " FROM resource_group" + where.sql()
                + " ORDER BY is_default DESC, created_at, id LIMIT ? OFFSET ?", ResourceManagerStore::group, args.toArray());
    }

    long groupCount(Tx tx, Where where) throws SQLException {
        return tx.number("SELECT COUNT(*) FROM resource_group" + where.sql(), where.args().toArray());
    }

    Optional<ResourceGroup> group(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + GROUP_COLUMNS + " FROM resource_group WHERE id = ?", ResourceManagerStore::group, id);
    }

    boolean groupNameTaken(Tx tx, String name) throws SQLException {
        return tx.exists("SELECT 1 FROM resource_group WHERE name = ?", name);
    }

    void insertGroup(Tx tx, ResourceGroup group) throws SQLException {
        tx.update("INSERT INTO resource_group (" + GROUP_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", group.id(), group.name(),
                group.displayName(), group.status(), group.isDefault() ? 1 : 0, group.createDate());
    }

    Optional<String> userId(Tx tx, String name) throws SQLException {
        return tx.queryOne("SELECT id FROM ram_user WHERE name = ?", row -> row.getString(1), name);
    }

    Optional<String> roleId(Tx tx, String name) throws SQLException {
        return tx.queryOne("SELECT id FROM ram_role WHERE name = ?", row -> row.getString(1), name);
    }

    Optional<String> customPolicyDescription(Tx tx, String name) throws SQLException {
        return tx.queryOne("SELECT description FROM ram_policy WHERE name = ?", row -> row.getString(1), name);
    }

    boolean attached(Tx tx, String policyType, String policyName, String principalType, String principalId, String scope)
            throws SQLException {
        return tx.exists("SELECT 1 FROM policy_attachment WHERE policy_type = ? AND policy_name = ? AND principal_type = ?"
                + " AND principal_id = ? AND scope = ?", policyType, policyName, principalType, principalId, scope);
    }

    void attach(Tx tx, String policyType, String policyName, String principalType, String principalId, String scope,
                String now) throws SQLException {
        tx.update("INSERT INTO policy_attachment (policy_type, policy_name, principal_type, principal_id, scope, attached_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", policyType, policyName, principalType, principalId, scope, now);
    }

    void detach(Tx tx, String policyType, String policyName, String principalType, String principalId, String scope)
            throws SQLException {
        tx.update("DELETE FROM policy_attachment WHERE policy_type = ? AND policy_name = ? AND principal_type = ?"
                + " AND principal_id = ? AND scope = ?", policyType, policyName, principalType, principalId, scope);
    }

    /** Attachment rows: type, name, principal type, principal name, scope, date, custom description. */
    record AttachmentRow(String policyType, String policyName, String principalType, String principalName, String scope,
                         String attachedAt, String customDescription) {
    }

    List<AttachmentRow> attachments(Tx tx, Where where, int offset, int limit) throws SQLException {
        List<Object> args = new ArrayList<>(where.args());
        args.add(limit);
        args.add(offset);
        return tx.query("SELECT a.policy_type, a.policy_name, a.principal_type, COALESCE(u.name, r.name), a.scope,"
                        + " a.attached_at, p.description" + ATTACHMENT_FROM + where.sql()
                        + " ORDER BY a.attached_at, a.policy_name LIMIT ? OFFSET ?",
                row -> new AttachmentRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7)), args.toArray());
    }

    long attachmentCount(Tx tx, Where where) throws SQLException {
        return tx.number("SELECT COUNT(*)" + ATTACHMENT_FROM + where.sql(), where.args().toArray());
    }

    List<GroupedResource> resources(Tx tx, Where where, int offset, int limit) throws SQLException {
        List<Object> args = new ArrayList<>(where.args());
        args.add(limit);
        args.add(offset);
        return tx.query("SELECT service, resource_type, resource_id, region_id, resource_group_id, created_at"
                        + " FROM resource_membership" + where.sql() + " ORDER BY created_at, resource_id LIMIT ? OFFSET ?",
                row -> new GroupedResource(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6)), args.toArray());
    }

    long resourceCount(Tx tx, Where where) throws SQLException {
        return tx.number("SELECT COUNT(*) FROM resource_membership" + where.sql(), where.args().toArray());
    }

    private static ResourceGroup group(ResultSet row) throws SQLException {
        return new ResourceGroup(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getInt(5) != 0, row.getString(6));
    }
}
