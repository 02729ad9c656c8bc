package fcperm.policy.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.policy.catalog.SystemPolicyCatalog;
import fcperm.policy.model.PolicyDocument;
import fcperm.policy.parse.PolicyParser;
import fcperm.policy.parse.ConditionOperators;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluator against the JSON case files in {@code fcperm/policy/conformance/}: each file holds policies (by scope),
 * an optional session policy, an optional trust policy, and cases with a request, the expected decision and, where
 * given, exactly the statements expected to decide.
 */
class ConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyCaseFileDecidesAsExpected() throws IOException, URISyntaxException {
        Path folder = Path.of(ConformanceTest.class.getResource("/fcperm/policy/conformance").toURI());
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                tests.addAll(testsOf(file));
            }
        }
        assertThat(tests).as("conformance cases").hasSizeGreaterThanOrEqualTo(100);
        return tests.stream();
    }

    @Test
    void theCaseFilesUseEveryConditionOperatorAndBothSetQualifiers() throws IOException, URISyntaxException {
        Path folder = Path.of(ConformanceTest.class.getResource("/fcperm/policy/conformance").toURI());
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                all.append(Files.readString(file));
            }
        }
        List<String> names = new ArrayList<>(ConditionOperators.all().stream().map(ConditionOperators.Operator::name).toList());
        names.addAll(List.of(ConditionOperators.FOR_ANY_VALUE, ConditionOperators.FOR_ALL_VALUES, "NotAction", "NotResource",
                "sessionPolicy", "trustPolicy", "rg-"));
        for (String name : names) {
            assertThat(all).as("a case file uses " + name).contains("\"" + name);
        }
    }

    private static List<DynamicTest> testsOf(Path file) throws IOException {
        JsonNode suite;
        try (InputStream in = Files.newInputStream(file)) {
            suite = JSON.readTree(in);
        }
        Evaluator evaluator = new Evaluator(new EvaluationOptions(EvaluationOptions.ScopeCombination.valueOf(
                suite.path("options").path("scopeCombination").asText("UNION_DENY_WINS"))));
        List<AttachedPolicy> policies = new ArrayList<>();
        for (JsonNode policy : suite.path("policies")) {
            String scope = policy.path("scope").asText("account");
            policies.add(new AttachedPolicy(policy.path("name").asText(), "v1",
                    scope.equals("account") ? PolicyScope.account() : PolicyScope.resourceGroup(scope),
                    document(policy.path("document"))));
        }
        for (JsonNode name : suite.path("systemPolicies")) {
            var system = SystemPolicyCatalog.load().get(name.asText()).orElseThrow();
            policies.add(new AttachedPolicy(system.name(), system.defaultVersion(), PolicyScope.account(), system.document()));
        }
        Optional<AttachedPolicy> session = suite.has("sessionPolicy")
                ? Optional.of(new AttachedPolicy("session", "", PolicyScope.account(), document(suite.get("sessionPolicy"))))
                : Optional.empty();
        Optional<PolicyDocument> trust = suite.has("trustPolicy")
                ? Optional.of(PolicyParser.parseTrustPolicy(JSON.writeValueAsString(suite.get("trustPolicy"))).orThrow())
                : Optional.empty();

        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : suite.path("cases")) {
            String name = file.getFileName() + ": " + testCase.path("name").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                AccessRequest request = request(testCase.path("request"));
                Decision decision = trust.isPresent()
                        ? evaluator.evaluateAssumeRole(request, policies, session, trust.get(), caller(testCase.path("caller")))
                        : evaluator.evaluate(request, policies, session);
                assertThat(decision.outcome().label()).as(decision.explanation()).isEqualTo(testCase.path("expect").asText());
                assertThat(decision.explanation()).isNotBlank();
                if (testCase.has("deciding")) {
                    List<String> expected = new ArrayList<>();
                    testCase.path("deciding").forEach(d -> expected.add(d.path("policy").asText() + "#" + d.path("statement").asInt()));
                    List<String> actual = decision.deciding().stream()
                            .map(d -> d.policyName() + "#" + d.statementIndex()).toList();
                    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
                }
            }));
        }
        return tests;
    }

    private static PolicyDocument document(JsonNode node) throws IOException {
        return PolicyParser.parse(JSON.writeValueAsString(node)).orThrow();
    }

    private static AccessRequest request(JsonNode node) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        node.path("context").fields().forEachRemaining(field -> {
            List<String> values = new ArrayList<>();
            field.getValue().forEach(value -> values.add(value.asText()));
            context.put(field.getKey(), values);
        });
        return new AccessRequest(node.path("action").asText(), node.path("resource").asText(), "",
                node.hasNonNull("resourceGroup") ? node.get("resourceGroup").asText() : null, context);
    }

    private static TrustedPrincipal caller(JsonNode node) {
        if (node.has("service")) {
            return new TrustedPrincipal.Service(node.get("service").asText());
        }
        if (node.has("federated")) {
            return new TrustedPrincipal.Federated(node.get("federated").asText());
        }
        List<String> arns = new ArrayList<>();
        node.path("arns").forEach(arn -> arns.add(arn.asText()));
        return new TrustedPrincipal.Ram(node.path("account").asText(), arns);
    }
}
