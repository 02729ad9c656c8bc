package fcperm.sandbox.ram;

import fcperm.sandbox.store.Tx;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** RAM's SQL. Every method runs inside the caller's transaction. */
final class RamStore {

    private static final String ROLE_COLUMNS =
            "id, name, description, trust_policy, max_session_duration, created_at, updated_at";

    private final String accountId;

    RamStore(String accountId) {
        this.accountId = accountId;
    }

    // ---- roles

    Optional<Role> role(Tx tx, String roleName) throws SQLException {
        return tx.queryOne("SELECT " + ROLE_COLUMNS + " FROM ram_role WHERE name = ?", this::role, roleName);
    }

    void insertRole(Tx tx, Role role) throws SQLException {
        tx.update("INSERT INTO ram_role (" + ROLE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                role.roleId(), role.roleName(), role.description(), role.assumeRolePolicyDocument(),
                role.maxSessionDuration(), role.createDate(), role.updateDate());
    }

    void updateRole(Tx tx, Role role) throws SQLException {
        tx.update("UPDATE ram_role SET description = ?, trust_policy = ?, max_session_duration = ?, updated_at = ? WHERE id = ?",
                role.description(), role.assumeRolePolicyDocument(), role.maxSessionDuration(), role.updateDate(),
                role.roleId());
    }

    void deleteRole(Tx tx, String roleId) throws SQLException {
        tx.update("DELETE FROM ram_role WHERE id = ?", roleId);
    }

    /** Roles in name order starting at {@code fromName} (inclusive), at most {@code limit}. */
    List<Role> roles(Tx tx, String fromName, int limit) throws SQLException {
        return tx.query("SELECT " + ROLE_COLUMNS + " FROM ram_role WHERE name >= ? ORDER BY name LIMIT ?",
                this::role, fromName, limit);
    }

    private Role role(ResultSet row) throws SQLException {
        String name = row.getString(2);
        return new Role(row.getString(1), name, "acs:ram::" + accountId + ":role/" + name, row.getString(3),
                row.getString(4), row.getLong(5), row.getString(6), row.getString(7));
    }

    // ---- attachments

    long attachmentCount(Tx tx, String principalType, String principalId) throws SQLException {
        return tx.number("SELECT COUNT(*) FROM policy_attachment WHERE principal_type = ? AND principal_id = ?",
                principalType, principalId);
    }
}
