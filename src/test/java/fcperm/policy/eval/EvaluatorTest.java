package fcperm.policy.eval;

import fcperm.policy.model.PolicyDocument;
import fcperm.policy.parse.PolicyParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluatorTest {

    private static final String BUCKET_OBJECT = "acs:oss:*:1234567890123456:photos/2024/a.jpg";
    private static final String ROLE = "acs:ram::1234567890123456:role/app";

    private final Evaluator evaluator = new Evaluator();

    private static PolicyDocument policy(String statements) {
        return PolicyParser.parse("{\"Version\":\"1\",\"Statement\":[" + statements + "]}").orThrow();
    }

    private static AttachedPolicy account(String name, String statements) {
        return new AttachedPolicy(name, "v1", PolicyScope.account(), policy(statements));
    }

    private static AttachedPolicy group(String name, String groupId, String statements) {
        return new AttachedPolicy(name, "v2", PolicyScope.resourceGroup(groupId), policy(statements));
    }

    private static AccessRequest request(String action, String resource, String groupId) {
        return new AccessRequest(action, resource, "acs:ram::1234567890123456:user/alice", groupId, Map.of());
    }

    private static final String ALLOW_GET = "{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}";
    private static final String DENY_GET = "{\"Effect\":\"Deny\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}";

    @Test
    void allowsWhatAnAccountScopePolicyGrantsAndNamesTheStatement() {
        Decision decision = evaluator.evaluate(request("oss:GetObject", BUCKET_OBJECT, null),
                List.of(account("read", "{\"Effect\":\"Allow\",\"Action\":\"oss:List*\",\"Resource\":\"*\"}," + ALLOW_GET)),
                Optional.empty());
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.deciding()).containsExactly(
                new DecidingStatement("read", "v1", StatementScope.attached(PolicyScope.account()), 1, PolicyType.AccountLevelIdentityBasedPolicy));
        assertThat(decision.explanation()).contains("statement 1 of read");
    }

    @Test
    void deniesImplicitlyWhenNothingMatches() {
        Decision decision = evaluator.evaluate(request("oss:PutObject", BUCKET_OBJECT, null),
                List.of(account("read", ALLOW_GET)), Optional.empty());
        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decision.deciding()).isEmpty();
        assertThat(decision.explanation()).contains("No policy allows oss:PutObject");
    }

    @Test
    void anExplicitDenyWinsOverAnyAllow() {
        Decision decision = evaluator.evaluate(request("oss:GetObject", BUCKET_OBJECT, null),
                List.of(account("read", ALLOW_GET), account("block", DENY_GET)), Optional.empty());
        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.deciding()).extracting(DecidingStatement::policyName).containsExactly("block");
    }

    @Test
    void appliesAResourceGroupPolicyOnlyToResourcesInThatGroup() {
        List<AttachedPolicy> policies = List.of(group("rg-read", "rg-1", ALLOW_GET));
        Decision inGroup = evaluator.evaluate(request("oss:GetObject", BUCKET_OBJECT, "rg-1"), policies, Optional.empty());
        assertThat(inGroup.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(inGroup.policyType()).isEqualTo(PolicyType.ResourceGroupLevelIdentityBasedPolicy);
        assertThat(inGroup.deciding().get(0).scope()).isEqualTo(StatementScope.attached(PolicyScope.resourceGroup("rg-1")));
        assertThat(evaluator.evaluate(request("oss:GetObject", BUCKET_OBJECT, "rg-2"), policies, Optional.empty()).outcome())
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(evaluator.evaluate(request("oss:GetObject", BUCKET_OBJECT, null), policies, Optional.empty()).outcome())
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void accountAllowAndGroupDenyFollowTheChosenScopeRule() {
        List<AttachedPolicy> policies = List.of(account("read", ALLOW_GET), group("rg-block", "rg-1", DENY_GET));
        AccessRequest request = request("oss:GetObject", BUCKET_OBJECT, "rg-1");
        assertThat(evaluator.evaluate(request, policies, Optional.empty()).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        Evaluator accountFirst = new Evaluator(new EvaluationOptions(EvaluationOptions.ScopeCombination.ACCOUNT_SCOPE_FIRST));
        assertThat(accountFirst.evaluate(request, policies, Optional.empty()).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void aSessionPolicyOnlyNarrows() {
        List<AttachedPolicy> role = List.of(account("read", ALLOW_GET));
        Optional<AttachedPolicy> listOnly = Optional.of(new AttachedPolicy("session", "", PolicyScope.account(),
                policy("{\"Effect\":\"Allow\",\"Action\":\"oss:List*\",\"Resource\":\"*\"}")));
        Decision narrowed = evaluator.evaluate(request("oss:GetObject", BUCKET_OBJECT, null), role, listOnly);
        assertThat(narrowed.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(narrowed.policyType()).isEqualTo(PolicyType.SessionPolicy);

        Optional<AttachedPolicy> everything = Optional.of(new AttachedPolicy("session", "", PolicyScope.account(),
                policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}")));
        assertThat(evaluator.evaluate(request("oss:PutObject", BUCKET_OBJECT, null), role, everything).outcome())
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(evaluator.evaluate(request("oss:GetObject", BUCKET_OBJECT, null), role, everything).outcome())
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void aSessionDenyIsReportedAsTheSessionPolicy() {
        Optional<AttachedPolicy> session = Optional.of(new AttachedPolicy("session", "", PolicyScope.account(), policy(DENY_GET)));
        Decision decision = evaluator.evaluate(request("oss:GetObject", BUCKET_OBJECT, null),
                List.of(account("read", ALLOW_GET)), session);
        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.deciding()).singleElement().extracting(DecidingStatement::scope).isEqualTo(StatementScope.Inline.SESSION);
    }

    @Test
    void assumeRoleNeedsTheCallersPoliciesAndTheTrustPolicy() {
        PolicyDocument trustsAccount = PolicyParser.parseTrustPolicy("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"RAM\":\"acs:ram::1234567890123456:root\"}}]}").orThrow();
        TrustedPrincipal alice = new TrustedPrincipal.Ram("1234567890123456", List.of("acs:ram::1234567890123456:user/alice"));
        TrustedPrincipal stranger = new TrustedPrincipal.Ram("999", List.of("acs:ram::999:user/eve"));
        List<AttachedPolicy> mayAssume = List.of(account("assume",
                "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + ROLE + "\"}"));
        AccessRequest assume = request("sts:AssumeRole", ROLE, null);

        Decision both = evaluator.evaluateAssumeRole(assume, mayAssume, Optional.empty(), trustsAccount, alice);
        assertThat(both.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(both.deciding()).extracting(DecidingStatement::scope)
                .containsExactly(StatementScope.attached(PolicyScope.account()), StatementScope.Inline.TRUST);

        Decision untrusted = evaluator.evaluateAssumeRole(assume, mayAssume, Optional.empty(), trustsAccount, stranger);
        assertThat(untrusted.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(untrusted.policyType()).isEqualTo(PolicyType.AssumeRolePolicy);

        Decision noGrant = evaluator.evaluateAssumeRole(assume, List.of(), Optional.empty(), trustsAccount, alice);
        assertThat(noGrant.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(noGrant.policyType()).isEqualTo(PolicyType.AccountLevelIdentityBasedPolicy);
    }

    @Test
    void aServiceNeedsOnlyTheTrustPolicy() {
        PolicyDocument trustsFc = PolicyParser.parseTrustPolicy("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}]}").orThrow();
        AccessRequest assume = request("sts:AssumeRole", ROLE, null);
        assertThat(evaluator.evaluateAssumeRole(assume, List.of(), Optional.empty(), trustsFc,
                new TrustedPrincipal.Service("fc.aliyuncs.com")).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(evaluator.evaluateAssumeRole(assume, List.of(), Optional.empty(), trustsFc,
                new TrustedPrincipal.Service("oss.aliyuncs.com")).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aMissingKeyPassesANegatedConditionUnlessTheStricterRuleIsChosen() {
        List<AttachedPolicy> notFromVpc = List.of(account("internet", "{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringNotLike\":{\"acs:SourceVpc\":\"vpc-*\"}}}"));
        AccessRequest noVpc = request("oss:GetObject", BUCKET_OBJECT, null);
        assertThat(evaluator.evaluate(noVpc, notFromVpc, Optional.empty()).outcome()).isEqualTo(Outcome.ALLOW);
        Evaluator strict = new Evaluator(EvaluationOptions.defaults().withMissingKey(EvaluationOptions.MissingKey.NEVER_PASSES));
        assertThat(strict.evaluate(noVpc, notFromVpc, Optional.empty()).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void comparesRoleArnsWithoutCaseUnlessExactCaseIsChosen() {
        List<AttachedPolicy> passRole = List.of(account("pass", "{\"Effect\":\"Allow\",\"Action\":\"ram:PassRole\","
                + "\"Resource\":\"acs:ram::1234567890123456:role/aliyunfcdefaultrole\"}"));
        AccessRequest request = request("ram:PassRole", "acs:ram::1234567890123456:role/AliyunFCDefaultRole", null);
        assertThat(evaluator.evaluate(request, passRole, Optional.empty()).outcome()).isEqualTo(Outcome.ALLOW);
        Evaluator exact = new Evaluator(EvaluationOptions.defaults().withRamArnCase(EvaluationOptions.RamArnCase.EXACT));
        assertThat(exact.evaluate(request, passRole, Optional.empty()).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void givesTheSameAnswersFromManyThreadsAtOnce() throws Exception {
        List<AttachedPolicy> policies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            policies.add(account("p" + i, "{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"acs:oss:*:*:bucket" + i + "/*\"}"));
        }
        policies.add(account("deny", "{\"Effect\":\"Deny\",\"Action\":\"oss:GetObject\",\"Resource\":\"acs:oss:*:*:bucket7/secret/*\"}"));
        Evaluator shared = new Evaluator();
        List<Callable<List<Outcome>>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            workers.add(() -> {
                List<Outcome> outcomes = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    String bucket = "bucket" + (i % 25);
                    String key = i % 2 == 0 ? "/secret/x" : "/public/x";
                    outcomes.add(shared.evaluate(request("oss:GetObject", "acs:oss:*:1:" + bucket + key, null), policies,
                            Optional.empty()).outcome());
                }
                return outcomes;
            });
        }
        List<Outcome> expected = workers.get(0).call();
        assertThat(expected).contains(Outcome.ALLOW, Outcome.IMPLICIT_DENY, Outcome.EXPLICIT_DENY);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<List<Outcome>> result : pool.invokeAll(workers)) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
