package fcperm.sandbox.auth;

import java.util.List;

/**
 * Decides whether a principal may do what an operation needs. The account's root key may do anything (the owner is
 * not subject to RAM policies; operations that refuse root, like AssumeRole, say so themselves). RAM users and role
 * sessions are judged by the policy engine against their attached policies; without the engine they are refused.
 */
public final class Authorizer {

    static final String NO_ENGINE = "RAM policies cannot be evaluated in this build (no policy engine); "
            + "only the account's root key is authorized";

    public AccessDecision check(Principal principal, List<RequiredPermission> permissions, RequestContext context) {
        if (principal instanceof Principal.AccountRoot) {
            return AccessDecision.allow("the account's root key is not subject to RAM policies");
        }
        if (permissions.isEmpty()) {
            return AccessDecision.allow("the operation needs no permission");
        }
        return AccessDecision.deny(permissions.get(0), false, "AccountLevelIdentityBasedPolicy", NO_ENGINE);
    }

    /** Whether the role's trust policy lets {@code caller} assume it. */
    public boolean trusts(RoleTrust role, TrustedCaller caller, RequestContext context) {
        return false;
    }
}
