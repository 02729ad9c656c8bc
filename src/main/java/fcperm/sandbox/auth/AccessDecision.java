package fcperm.sandbox.auth;

import fcperm.policy.eval.Outcome;
import fcperm.policy.eval.PolicyType;

import java.util.Optional;

/**
 * The authorizer's answer. When denied: the permission that was not granted, the outcome (an implicit denial:
 * nothing allowed it; an explicit one: a Deny statement matched), the kind of policy that decided, and why.
 * The wire styles print the outcome and the policy type with the cloud's words ({@link Outcome#label()}).
 */
public record AccessDecision(Outcome outcome, Optional<RequiredPermission> denied, Optional<PolicyType> policyType,
                             String explanation) {

    public static AccessDecision allow(String explanation) {
        return new AccessDecision(Outcome.ALLOW, Optional.empty(), Optional.empty(), explanation);
    }

    public static AccessDecision deny(RequiredPermission permission, Outcome outcome, PolicyType policyType,
                                      String explanation) {
        return new AccessDecision(outcome, Optional.of(permission), Optional.of(policyType), explanation);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /** The policy type as the cloud's AccessDeniedDetail names it ("" when allowed). */
    public String policyTypeName() {
        return policyType.map(PolicyType::name).orElse("");
    }
}
