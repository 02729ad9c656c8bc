package fcperm.sandbox.auth;

import java.util.Optional;

/**
 * The authorizer's answer. When denied: the permission that was not granted, whether the denial was implicit
 * (nothing allowed it) or explicit (a Deny statement matched), the kind of policy that decided, and why.
 */
public record AccessDecision(boolean allowed, Optional<RequiredPermission> denied, String noPermissionType,
                             String policyType, String explanation) {

    public static AccessDecision allow(String explanation) {
        return new AccessDecision(true, Optional.empty(), "", "", explanation);
    }

    public static AccessDecision deny(RequiredPermission permission, boolean explicit, String policyType, String explanation) {
        return new AccessDecision(false, Optional.of(permission), explicit ? "ExplicitDeny" : "ImplicitDeny",
                policyType, explanation);
    }
}
