package fcperm.cloud;

import fcperm.policy.eval.AccessRequest;
import fcperm.policy.eval.Evaluator;
import fcperm.policy.eval.TrustedPrincipal;
import fcperm.policy.model.Effect;
import fcperm.policy.model.PolicyDocument;
import fcperm.policy.model.Principal;
import fcperm.policy.model.Statement;
import fcperm.policy.parse.ParseResult;
import fcperm.policy.parse.PolicyParser;
import fcperm.policy.parse.PolicyWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Role trust policies as they concern Function Compute, judged by the same policy engine the sandbox enforces. */
public final class TrustPolicies {

    public static final String FC_SERVICE = "fc.aliyuncs.com";

    /** The trust policy of an FC service role: Function Compute may assume it, nobody else. */
    public static final String FUNCTION_COMPUTE = PolicyWriter.toJson(new PolicyDocument(PolicyDocument.VERSION,
            List.of(fcMayAssume())));

    private static final Evaluator EVALUATOR = new Evaluator();

    private TrustPolicies() {
    }

    /** Whether Function Compute may assume a role with this trust policy (false for a document that does not parse). */
    public static boolean trustsFunctionCompute(String trustPolicy) {
        ParseResult parsed = PolicyParser.parseTrustPolicy(trustPolicy);
        return parsed.valid() && EVALUATOR.evaluateTrust(AccessRequest.of("sts:AssumeRole", "*"),
                parsed.orThrow(), new TrustedPrincipal.Service(FC_SERVICE)).allowed();
    }

    /**
     * Who the trust policy lets assume the role, as it names them (services, RAM identities, identity providers);
     * empty for a document that does not parse or allows nobody.
     */
    public static List<String> trustedPrincipals(String trustPolicy) {
        ParseResult parsed = PolicyParser.parseTrustPolicy(trustPolicy);
        if (!parsed.valid()) {
            return List.of();
        }
        return parsed.orThrow().statements().stream()
                .filter(statement -> statement.effect() == Effect.ALLOW)
                .flatMap(statement -> statement.principal().stream())
                .flatMap(principal -> Stream.of(principal.service(), principal.ram(),
                        principal.federated()).flatMap(List::stream))
                .distinct().toList();
    }

    /**
     * The trust policy with a statement added that lets Function Compute assume the role; the policy unchanged when
     * it already does, the FC trust policy alone when it does not parse.
     */
    public static String withFunctionCompute(String trustPolicy) {
        if (trustsFunctionCompute(trustPolicy)) {
            return trustPolicy;
        }
        ParseResult parsed = PolicyParser.parseTrustPolicy(trustPolicy);
        if (!parsed.valid()) {
            return FUNCTION_COMPUTE;
        }
        List<Statement> statements = new ArrayList<>(parsed.orThrow().statements());
        statements.add(fcMayAssume());
        return PolicyWriter.toJson(new PolicyDocument(parsed.orThrow().version(), statements));
    }

    private static Statement fcMayAssume() {
        return new Statement(Optional.empty(), Effect.ALLOW, List.of("sts:AssumeRole"), false, List.of(), false,
                Optional.of(new Principal(List.of(), List.of(FC_SERVICE), List.of())), List.of());
    }
}
