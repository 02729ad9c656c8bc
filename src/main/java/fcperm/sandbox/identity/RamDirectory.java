package fcperm.sandbox.identity;

import fcperm.sandbox.store.Tx;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** RAM's SQL. Every method runs inside the caller's transaction. */
public final class RamDirectory {

    public static final String USER = "User";
    public static final String ROLE = "Role";

    private static final String ROLE_COLUMNS =
            "id, name, description, trust_policy, max_session_duration, created_at, updated_at";
    private static final String USER_COLUMNS =
            "id, name, display_name, comments, email, mobile_phone, created_at, updated_at";
    private static final String POLICY_COLUMNS =
            "p.name, p.description, p.default_version, v.document, p.created_at, p.updated_at,"
                    + " (SELECT COUNT(*) FROM policy_attachment a WHERE a.policy_type = 'Custom' AND a.policy_name = p.name)";

    private final String accountId;

    public RamDirectory(String accountId) {
        this.accountId = accountId;
    }

    // ---- roles

    public Optional<Role> role(Tx tx, String roleName) throws SQLException {
        return tx.queryOne("SELECT " + ROLE_COLUMNS + " FROM ram_role WHERE name = ?", this::role, roleName);
    }

    public Optional<Role> roleById(Tx tx, String roleId) throws SQLException {
        return tx.queryOne("SELECT " + ROLE_COLUMNS + " FROM ram_role WHERE id = ?", this::role, roleId);
    }

    public void insertRole(Tx tx, Role role) throws SQLException {
        tx.update("INSERT INTO ram_role (" + ROLE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                role.roleId(), role.roleName(), role.description(), role.assumeRolePolicyDocument(),
                role.maxSessionDuration(), role.createDate(), role.updateDate());
    }

    public void updateRole(Tx tx, Role role) throws SQLException {
        tx.update("UPDATE ram_role SET description = ?, trust_policy = ?, max_session_duration = ?, updated_at = ? WHERE id = ?",
                role.description(), role.assumeRolePolicyDocument(), role.maxSessionDuration(), role.updateDate(),
                role.roleId());
    }

    public void deleteRole(Tx tx, String roleId) throws SQLException {
        tx.update("DELETE FROM ram_role WHERE id = ?", roleId);
    }

    /** Roles in name order starting at {@code fromName} (inclusive), at most {@code limit}. */
    public List<Role> roles(Tx tx, String fromName, int limit) throws SQLException {
        return tx.query("SELECT " + ROLE_COLUMNS + " FROM ram_role WHERE name >= ? ORDER BY name LIMIT ?",
                this::role, fromName, limit);
    }

    private Role role(ResultSet row) throws SQLException {
        String name = row.getString(2);
        return new Role(row.getString(1), name, Arn.role(accountId, name).toString(), row.getString(3),
                row.getString(4), row.getLong(5), row.getString(6), row.getString(7));
    }

    // ---- users and their AccessKeys

    public Optional<User> user(Tx tx, String userName) throws SQLException {
        return tx.queryOne("SELECT " + USER_COLUMNS + " FROM ram_user WHERE name = ?", RamDirectory::user, userName);
    }

    public Optional<User> userById(Tx tx, String userId) throws SQLException {
        return tx.queryOne("SELECT " + USER_COLUMNS + " FROM ram_user WHERE id = ?", RamDirectory::user, userId);
    }

    public void insertUser(Tx tx, User user) throws SQLException {
        tx.update("INSERT INTO ram_user (" + USER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                user.userId(), user.userName(), user.displayName(), user.comments(), user.email(), user.mobilePhone(),
                user.createDate(), user.updateDate());
    }

    public void deleteUser(Tx tx, String userId) throws SQLException {
        tx.update("DELETE FROM ram_user WHERE id = ?", userId);
    }

    public List<User> users(Tx tx, String fromName, int limit) throws SQLException {
        return tx.query("SELECT " + USER_COLUMNS + " FROM ram_user WHERE name >= ? ORDER BY name LIMIT ?",
                RamDirectory::user, fromName, limit);
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8));
    }

    public void insertAccessKey(Tx tx, String userId, String accessKeyId, String secret, String createDate) throws SQLException {
        tx.update("INSERT INTO access_key (access_key_id, secret, user_id, status, created_at) VALUES (?, ?, ?, 'Active', ?)",
                accessKeyId, secret, userId, createDate);
    }

    public List<AccessKey> accessKeys(Tx tx, String userId) throws SQLException {
        return tx.query("SELECT access_key_id, status, created_at FROM access_key WHERE user_id = ? ORDER BY created_at, access_key_id",
                row -> new AccessKey(row.getString(1), Optional.empty(), row.getString(2), row.getString(3)), userId);
    }

    public boolean deleteAccessKey(Tx tx, String userId, String accessKeyId) throws SQLException {
        return tx.update("DELETE FROM access_key WHERE user_id = ? AND access_key_id = ?", userId, accessKeyId) > 0;
    }

    // ---- custom policies and their versions

    public Optional<Policy> customPolicy(Tx tx, String policyName) throws SQLException {
        return tx.queryOne("SELECT " + POLICY_COLUMNS + " FROM ram_policy p JOIN ram_policy_version v"
                + " ON v.policy_name = p.name AND v.version_id = p.default_version WHERE p.name = ?", RamDirectory::policy, policyName);
    }

    public List<Policy> customPolicies(Tx tx) throws SQLException {
        return tx.query("SELECT " + POLICY_COLUMNS + " FROM ram_policy p JOIN ram_policy_version v"
                + " ON v.policy_name = p.name AND v.version_id = p.default_version ORDER BY p.name", RamDirectory::policy);
    }

    private static Policy policy(ResultSet row) throws SQLException {
        return new Policy(row.getString(1), "Custom", row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getLong(7));
    }

    public void insertPolicy(Tx tx, String policyName, String description, String document, String now) throws SQLException {
        tx.update("INSERT INTO ram_policy (name, description, default_version, next_version, created_at, updated_at)"
                + " VALUES (?, ?, 'v1', 2, ?, ?)", policyName, description, now, now);
        tx.update("INSERT INTO ram_policy_version (policy_name, version_id, number, document, created_at) VALUES (?, 'v1', 1, ?, ?)",
                policyName, document, now);
    }

    /** Adds the next version and returns its id. */
    public String insertPolicyVersion(Tx tx, String policyName, String document, String now) throws SQLException {
        long number = tx.number("SELECT next_version FROM ram_policy WHERE name = ?", policyName);
        String versionId = "v" + number;
        tx.update("INSERT INTO ram_policy_version (policy_name, version_id, number, document, created_at) VALUES (?, ?, ?, ?, ?)",
                policyName, versionId, number, document, now);
        tx.update("UPDATE ram_policy SET next_version = ?, updated_at = ? WHERE name = ?", number + 1, now, policyName);
        return versionId;
    }

    public void setDefaultVersion(Tx tx, String policyName, String versionId, String now) throws SQLException {
        tx.update("UPDATE ram_policy SET default_version = ?, updated_at = ? WHERE name = ?", versionId, now, policyName);
    }

    public List<PolicyVersion> policyVersions(Tx tx, String policyName) throws SQLException {
        return tx.query("SELECT v.version_id, v.version_id = p.default_version, v.document, v.created_at"
                        + " FROM ram_policy_version v JOIN ram_policy p ON p.name = v.policy_name"
                        + " WHERE v.policy_name = ? ORDER BY v.number",
                row -> new PolicyVersion(row.getString(1), row.getBoolean(2), row.getString(3), row.getString(4)), policyName);
    }

    public void deletePolicyVersion(Tx tx, String policyName, String versionId) throws SQLException {
        tx.update("DELETE FROM ram_policy_version WHERE policy_name = ? AND version_id = ?", policyName, versionId);
    }

    public void deletePolicy(Tx tx, String policyName) throws SQLException {
        tx.update("DELETE FROM ram_policy_version WHERE policy_name = ?", policyName);
        tx.update("DELETE FROM ram_policy WHERE name = ?", policyName);
    }

    // ---- attachments

    public long attachmentCount(Tx tx, String principalType, String principalId) throws SQLException {
        return tx.number("SELECT COUNT(*) FROM policy_attachment WHERE principal_type = ? AND principal_id = ?",
                principalType, principalId);
    }

    /** Attachments of a policy, at any scope, to principals of one type. */
    public long attachmentCountOfPolicy(Tx tx, String policyType, String policyName, String principalType) throws SQLException {
        return tx.number("SELECT COUNT(*) FROM policy_attachment WHERE policy_type = ? AND policy_name = ? AND principal_type = ?",
                policyType, policyName, principalType);
    }

    public boolean attach(Tx tx, String policyType, String policyName, String principalType, String principalId, String now)
            throws SQLException {
        return tx.update("INSERT INTO policy_attachment (policy_type, policy_name, principal_type, principal_id, scope, attached_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                policyType, policyName, principalType, principalId, accountId, now) > 0;
    }

    public boolean detach(Tx tx, String policyType, String policyName, String principalType, String principalId) throws SQLException {
        return tx.update("DELETE FROM policy_attachment WHERE policy_type = ? AND policy_name = ? AND principal_type = ?"
                + " AND principal_id = ? AND scope = ?", policyType, policyName, principalType, principalId, accountId) > 0;
    }

    /** Account-scope attachments of one principal, oldest first. */
    public List<AccountAttachment> attachmentsOf(Tx tx, String principalType, String principalId) throws SQLException {
        return tx.query("SELECT policy_type, policy_name, principal_type, principal_id, attached_at FROM policy_attachment"
                        + " WHERE principal_type = ? AND principal_id = ? AND scope = ? ORDER BY attached_at, policy_type, policy_name",
                RamDirectory::attachment, principalType, principalId, accountId);
    }

    /** Account-scope attachments of one policy, oldest first. */
    public List<AccountAttachment> attachmentsOfPolicy(Tx tx, String policyType, String policyName) throws SQLException {
        return tx.query("SELECT policy_type, policy_name, principal_type, principal_id, attached_at FROM policy_attachment"
                        + " WHERE policy_type = ? AND policy_name = ? AND scope = ? ORDER BY attached_at, principal_type, principal_id",
                RamDirectory::attachment, policyType, policyName, accountId);
    }

    /** How many attachments (any principal, any scope) each system policy has. */
    public long systemAttachmentCount(Tx tx, String policyName) throws SQLException {
        return tx.number("SELECT COUNT(*) FROM policy_attachment WHERE policy_type = 'System' AND policy_name = ?", policyName);
    }

    private static AccountAttachment attachment(ResultSet row) throws SQLException {
        return new AccountAttachment(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5));
    }
}
