package fcperm.sandbox.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/** Whether a policy document is well formed; RAM (MalformedPolicyDocument) and STS (PolicyGrammar) share it. */
public final class PolicyGrammar {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyGrammar() {
    }

    /** The first problem of a permission (or session) policy, empty when it is well formed. */
    public static Optional<String> permissionPolicyProblem(String document) {
        return problem(document);
    }

    /** The first problem of a trust policy, empty when it is well formed. */
    public static Optional<String> trustPolicyProblem(String document) {
        return problem(document);
    }

    private static Optional<String> problem(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            return Optional.of("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("Statement").isArray() || root.path("Statement").isEmpty()) {
            return Optional.of("a policy is an object with a non-empty Statement list");
        }
        return Optional.empty();
    }
}
