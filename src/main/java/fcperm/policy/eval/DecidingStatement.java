package fcperm.policy.eval;

/**
 * A statement that decided (or helped decide) a request: which policy, which version, where it was attached
 * ("account", a resource group id, "session" or "trust"), the statement's index in the document, and the policy type.
 */
public record DecidingStatement(String policyName, String versionId, String scope, int statementIndex, PolicyType type) {
}
