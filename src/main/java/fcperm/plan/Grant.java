package fcperm.plan;

import fcperm.cloud.PolicyKind;
import fcperm.policy.eval.PolicyScope;

import java.util.Optional;

/**
 * A policy to attach to the role at a scope. A custom policy that does not exist yet carries its document and is
 * created first.
 */
public record Grant(String policyName, PolicyKind kind, Optional<String> newDocument, PolicyScope scope) {

    public static Grant existing(String policyName, PolicyKind kind, PolicyScope scope) {
        return new Grant(policyName, kind, Optional.empty(), scope);
    }

    public static Grant newCustom(String policyName, String document, PolicyScope scope) {
        return new Grant(policyName, PolicyKind.CUSTOM, Optional.of(document), scope);
    }
}
