package fcperm.policy.parse;

import fcperm.policy.model.Effect;
import fcperm.policy.model.PolicyDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyParserTest {

    private static PolicyProblem onlyError(String json) {
        ParseResult result = PolicyParser.parse(json);
        assertThat(result.valid()).isFalse();
        assertThat(result.document()).isEmpty();
        return result.errors().get(0);
    }

    @Test
    void readsAStatementWhoseElementsAreSingleStrings() {
        PolicyDocument document = PolicyParser.parse(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"},\"Version\":\"1\"}").orThrow();
        assertThat(document.statements()).hasSize(1);
        assertThat(document.statements().get(0).effect()).isEqualTo(Effect.ALLOW);
        assertThat(document.statements().get(0).actions()).containsExactly("oss:GetObject");
        assertThat(document.statements().get(0).resources()).containsExactly("*");
    }

    @Test
    void namesTheLineAndColumnOfASyntaxError() {
        PolicyProblem error = onlyError("{\n  \"Version\": \"1\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\",, }\n  ]\n}");
        assertThat(error.category()).isEqualTo("Json syntax error");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isBetween(24, 26);
    }

    @Test
    void reportsATruncatedDocumentAsASyntaxError() {
        PolicyProblem error = onlyError("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\"");
        assertThat(error.category()).isEqualTo("Json syntax error");
        assertThat(error.line()).isEqualTo(1);
    }

    @Test
    void pointsAtTheBadElementWithItsJsonPath() {
        PolicyProblem error = onlyError("{\"Version\":\"1\",\"Statement\":[\n"
                + "{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"},\n"
                + "{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\",\"GetObject\"],\"Resource\":\"*\"}]}");
        assertThat(error.category()).isEqualTo("Invalid action format");
        assertThat(error.jsonPath()).isEqualTo("$.Statement[1].Action[1]");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(45);
    }

    @Test
    void usesTheCategoriesOfRamsPolicyChecker() {
        assertThat(onlyError("{\"Version\":\"2\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}").category())
                .isEqualTo("Invalid version");
        assertThat(onlyError("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}").category())
                .isEqualTo("Invalid effect");
        assertThat(onlyError("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}").category())
                .isEqualTo("Missing action");
        assertThat(onlyError("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:oss:x\"}]}").category())
                .isEqualTo("Invalid ARN prefix");
        assertThat(onlyError("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"acs:oss:b\"}]}").category())
                .isEqualTo("Missing ARN field");
        assertThat(onlyError(withCondition("{\"StringEqualz\":{\"acs:SourceVpc\":\"v\"}}")).category())
                .isEqualTo("Invalid condition operator");
        assertThat(onlyError(withCondition("{\"StringEquals\":{\"SourceVpc\":\"v\"}}")).category())
                .isEqualTo("Invalid condition key format");
        assertThat(onlyError(withCondition("{\"NumericLessThan\":{\"oss:max-keys\":\"ten\"}}")).category())
                .isEqualTo("Data type mismatch");
        assertThat(onlyError(withCondition("{\"IpAddress\":{\"acs:SourceIp\":\"10.0.0.0/33\"}}")).category())
                .isEqualTo("Data type mismatch");
        assertThat(onlyError(withCondition("{\"Bool\":{\"acs:SecureTransport\":[\"true\",\"false\"]}}")).category())
                .isEqualTo("Invalid condition multiple Boolean");
    }

    private static String withCondition(String condition) {
        return "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":"
                + condition + "}]}";
    }

    @Test
    void refusesWrongTypesWithoutAStackTrace() {
        assertThat(onlyError("[]").category()).isEqualTo("Invalid policy element");
        assertThat(onlyError("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{\"a\":1},\"Resource\":\"*\"}]}").category())
                .isEqualTo("Data type mismatch");
        assertThat(onlyError("{\"Version\":\"1\",\"Statement\":\"everything\"}").category()).isEqualTo("Invalid policy element");
        assertThat(onlyError("").category()).isEqualTo("Json syntax error");
        assertThat(onlyError("{\"Version\":\"1\",\"Version\":\"1\"}").message()).contains("duplicate key");
    }

    @Test
    void refusesDocumentsLongerThanRamAllows() {
        StringBuilder actions = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            actions.append(i == 0 ? "" : ",").append("\"oss:GetObject").append(i).append('"');
        }
        ParseResult result = PolicyParser.parse("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                + actions + "],\"Resource\":\"*\"}]}");
        assertThat(result.errors()).extracting(PolicyProblem::category).contains("Policy document too long");
    }

    @Test
    void doesNotCountWhitespaceTowardsTheLimit() {
        assertThat(PolicyParser.countedLength("{ \"a b\" :\n  1 }")).isEqualTo(9);
    }

    @Test
    void handlesAMegabyteDocumentAndDeepNestingWithPositionedErrors() {
        String huge = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"" + "x".repeat(1 << 20) + "\"}]}";
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThat(PolicyParser.parse(huge).errors()).extracting(PolicyProblem::category)
                .contains("Policy document too long", "Invalid ARN prefix");
        PolicyProblem nested = onlyError(deep);
        assertThat(nested.category()).isEqualTo("Json syntax error");
        assertThat(nested.line()).isEqualTo(1);
    }

    @Test
    void warnsAboutFullAccessAndStatementsThatCanNeverMatch() {
        ParseResult admin = PolicyParser.parse("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        assertThat(admin.valid()).isTrue();
        assertThat(admin.warnings()).singleElement().extracting(PolicyProblem::message).asString().contains("every action");
        ParseResult never = PolicyParser.parse("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"*\",\"Resource\":\"*\"}]}");
        assertThat(never.warnings()).extracting(PolicyProblem::message).anyMatch(m -> m.contains("never match"));
    }

    @Test
    void readsATrustPolicyAndRefusesAResourceInIt() {
        ParseResult trust = PolicyParser.parseTrustPolicy(
                "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}],\"Version\":\"1\"}");
        assertThat(trust.valid()).isTrue();
        assertThat(trust.orThrow().statements().get(0).principal().orElseThrow().service()).containsExactly("fc.aliyuncs.com");
        ParseResult withResource = PolicyParser.parseTrustPolicy(
                "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Resource\":\"*\",\"Principal\":{\"RAM\":\"acs:ram::1:root\"}}],\"Version\":\"1\"}");
        assertThat(withResource.errors()).extracting(PolicyProblem::category).contains("Invalid policy element");
        assertThat(PolicyParser.parse("{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"fc.aliyuncs.com\"}}],\"Version\":\"1\"}")
                .valid()).isFalse();
    }

    @Test
    void writesADocumentThatParsesBackToTheSame() {
        PolicyDocument document = PolicyParser.parse(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":[\"oss:Get*\",\"oss:List*\"],\"Resource\":\"acs:oss:*:*:b/*\","
                        + "\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":[\"10.0.0.0/8\"]},\"StringLike\":{\"oss:Prefix\":\"a/*\"}}}]}").orThrow();
        assertThat(PolicyParser.parse(PolicyWriter.toJson(document)).orThrow()).isEqualTo(document);
        assertThat(PolicyParser.parse(PolicyWriter.toCompactJson(document)).orThrow()).isEqualTo(document);
    }
}
