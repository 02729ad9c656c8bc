package fcperm.sandbox.identity;

import fcperm.policy.parse.ParseResult;
import fcperm.policy.parse.PolicyParser;
import fcperm.policy.parse.PolicyProblem;

import java.util.Optional;

/**
 * Whether a policy document is well formed, by the policy engine's parser (the same grammar the authorizer
 * evaluates); RAM answers a problem with MalformedPolicyDocument, STS with InvalidParameter.PolicyGrammar.
 */
public final class PolicyGrammar {

    private PolicyGrammar() {
    }

    /** The first problem of a permission (or session) policy, empty when it is well formed. */
    public static Optional<String> permissionPolicyProblem(String document) {
        return firstProblem(PolicyParser.parse(document));
    }

    /** The first problem of a trust policy, empty when it is well formed. */
    public static Optional<String> trustPolicyProblem(String document) {
        return firstProblem(PolicyParser.parseTrustPolicy(document));
    }

    private static Optional<String> firstProblem(ParseResult result) {
        return result.valid() ? Optional.empty() : result.errors().stream().findFirst().map(PolicyProblem::describe);
    }
}
