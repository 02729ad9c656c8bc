package fcperm.sandbox.identity;

import fcperm.sandbox.store.Database;
import fcperm.sandbox.store.Tx;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the policies granted to a principal, at account scope and at every resource-group scope: those attached to
 * a RAM user, or to the role of a role session. This is the authorizer's view of the attachments RAM and Resource
 * Manager write; it never goes through either service.
 */
public final class PrincipalPolicies {

    private final Database database;
    private final SystemPolicies systemPolicies;

    public PrincipalPolicies(Database database, SystemPolicies systemPolicies) {
        this.database = database;
        this.systemPolicies = systemPolicies;
    }

    /** The policies granted to {@code principal}; none for the account root (it needs none). */
    public List<GrantedPolicy> of(Caller principal) {
        if (principal instanceof Caller.RamUser user) {
            return attachedTo("User", user.userId());
        }
        if (principal instanceof Caller.RoleSession session) {
            return attachedTo("Role", session.roleId());
        }
        return List.of();
    }

    private List<GrantedPolicy> attachedTo(String principalType, String principalId) {
        return database.read(tx -> {
            List<GrantedPolicy> granted = new ArrayList<>();
            for (Attached attached : tx.query("SELECT policy_type, policy_name, scope FROM policy_attachment"
                            + " WHERE principal_type = ? AND principal_id = ? ORDER BY policy_type, policy_name, scope",
                    row -> new Attached(row.getString(1), row.getString(2), row.getString(3)), principalType, principalId)) {
                resolve(tx, attached, granted);
            }
            return granted;
        });
    }

    private record Attached(String policyType, String policyName, String scope) {
    }

    private void resolve(Tx tx, Attached attached, List<GrantedPolicy> granted) throws SQLException {
        if (attached.policyType().equals("System")) {
            systemPolicies.get(attached.policyName()).ifPresent(policy -> granted.add(new GrantedPolicy(
                    policy.name(), "System", policy.defaultVersion(), attached.scope(), policy.documentJson())));
            return;
        }
        tx.queryOne("SELECT p.name, p.default_version, v.document FROM ram_policy p JOIN ram_policy_version v"
                        + " ON v.policy_name = p.name AND v.version_id = p.default_version WHERE p.name = ?",
                row -> new GrantedPolicy(row.getString(1), "Custom", row.getString(2), attached.scope(), row.getString(3)),
                attached.policyName()).ifPresent(granted::add);
    }
}
