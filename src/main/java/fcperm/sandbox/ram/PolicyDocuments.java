package fcperm.sandbox.ram;

import fcperm.sandbox.identity.PolicyGrammar;

import java.util.Optional;

/** Checks policy documents the way RAM does before storing them: length, then grammar. */
final class PolicyDocuments {

    static final int MAX_PERMISSION_POLICY_LENGTH = 6144;
    static final int MAX_TRUST_POLICY_LENGTH = 2048;

    void checkPermissionPolicy(String parameter, String document) {
        checkLength(parameter, document, MAX_PERMISSION_POLICY_LENGTH);
        check(PolicyGrammar.permissionPolicyProblem(document));
    }

    void checkTrustPolicy(String parameter, String document) {
        checkLength(parameter, document, MAX_TRUST_POLICY_LENGTH);
        check(PolicyGrammar.trustPolicyProblem(document));
    }

    private static void checkLength(String parameter, String document, int max) {
        if (document.length() > max) {
            throw RamErrors.invalidLength(parameter, 1, max);
        }
    }

    private static void check(Optional<String> problem) {
        problem.ifPresent(why -> {
            throw RamErrors.malformedPolicyDocument(why);
        });
    }
}
