package fcperm.cloud;

import fcperm.policy.eval.PolicyScope;

/**
 * A policy attached to a role, at account scope (RAM) or at the scope of one resource group (Resource Manager).
 * {@code versionId} is the policy's default version at the time of listing.
 */
public record Attachment(String policyName, PolicyKind kind, String versionId, PolicyScope scope) {
}
