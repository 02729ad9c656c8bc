package fcperm.policy.eval;

/**
 * A statement that decided (or helped decide) a request: which policy, which version, where it applies (attached to
 * the account or a resource group, or the session or trust policy), the statement's index in the document, and the
 * policy type.
 */
public record DecidingStatement(String policyName, String versionId, StatementScope scope, int statementIndex,
                                PolicyType type) {
}
