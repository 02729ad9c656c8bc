package fcperm.sandbox.identity;

/** What assuming a role needs to know about it: its id, name, trust policy and longest session. */
public record RoleTrust(String roleId, String roleName, String trustPolicy, long maxSessionDuration) {
}
