package fcperm.policy.parse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed input of every kind gets positioned problems: never an exception, never a hang. (The timeouts only stop a
 * hang from blocking the build; they are far above what any of these takes.)
 */
class PolicyParserRobustnessTest {

    private static final String VALID = "{\n  \"Version\": \"1\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
            + "      \"Action\": [\"oss:GetObject\", \"oss:PutObject\"],\n      \"Resource\": \"acs:oss:*:*:photos/*\",\n"
            + "      \"Condition\": {\"IpAddress\": {\"acs:SourceIp\": [\"10.0.0.0/8\", \"2001:db8::/32\"]},\n"
            + "                    \"Bool\": {\"acs:SecureTransport\": \"true\"}}\n    }\n  ]\n}\n";

    private static void assertPositioned(ParseResult result, String text) {
        assertThat(result.valid()).isFalse();
        assertThat(result.document()).isEmpty();
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        assertThat(result.errors()).isNotEmpty().allSatisfy(error -> {
            assertThat(error.line()).isBetween(1, (int) lines + 1);
            assertThat(error.column()).isPositive();
            assertThat(error.jsonPath()).startsWith("$");
            assertThat(error.category()).isNotBlank();
            assertThat(error.message()).isNotBlank();
        });
    }

    @Test
    void everyTruncationOfAValidDocumentIsAPositionedSyntaxError() {
        assertThat(PolicyParser.parse(VALID).valid()).isTrue();
        for (int length = 0; length < VALID.trim().length(); length++) {
            String truncated = VALID.substring(0, length);
            ParseResult result = PolicyParser.parse(truncated);
            assertPositioned(result, truncated);
            assertThat(result.errors().get(0).category()).as(truncated).isEqualTo("Json syntax error");
        }
    }

    @Test
    void wrongTypesInEveryElementArePositionedWhereTheyStand() {
        List<String> wrong = List.of(
                "{\"Version\":1.5,\"Statement\":[]}",
                "{\"Version\":\"1\",\"Statement\":null}",
                "{\"Version\":\"1\",\"Statement\":[42]}",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":true,\"Action\":\"*\",\"Resource\":\"*\"}]}",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[[\"oss:GetObject\"]],\"Resource\":\"*\"}]}",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":{\"arn\":\"*\"}}]}",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":[]}]}",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":[]}]}",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":\"x\"}}]}",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"acs:SourceVpc\":{\"a\":1}}}}]}",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"acs:CurrentTime\":\"yesterday\"}}}]}",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Sid\":[1],\"Extra\":1}]}",
                "\"just a string\"",
                "null");
        for (String text : wrong) {
            assertPositioned(PolicyParser.parse(text), text);
        }
        ParseResult nested = PolicyParser.parse("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"acs:SourceVpc\":{\"a\":1}}}}]}");
        assertThat(nested.errors().get(0).jsonPath()).isEqualTo("$.Statement[0].Condition.StringEquals.acs:SourceVpc");
    }

    @Test
    void unknownOperatorsAndQualifiersAreNamed() {
        for (String operator : List.of("StringEqualsIfExists", "Null", "ArnLike", "ForSomeValues:StringEquals", "ForAnyValue:Nope", "")) {
            String text = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"" + operator + "\":{\"acs:SourceVpc\":\"vpc-1\"}}}]}";
            ParseResult result = PolicyParser.parse(text);
            assertPositioned(result, text);
            assertThat(result.errors().get(0).category()).isEqualTo("Invalid condition operator");
            assertThat(result.errors().get(0).message()).contains("\"" + operator + "\"");
        }
    }

    @Test
    @Timeout(60)
    void aMegabyteOfStatementsIsRefusedAsTooLongWithoutHanging() {
        StringBuilder text = new StringBuilder("{\"Version\":\"1\",\"Statement\":[");
        int i = 0;
        while (text.length() < (1 << 20)) {
            text.append(i == 0 ? "" : ",").append("{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"acs:oss:*:*:b")
                    .append(i++).append("/*\"}");
        }
        text.append("]}");
        ParseResult result = PolicyParser.parse(text.toString());
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(PolicyProblem::category).containsExactly("Policy document too long");
        assertThat(result.errors().get(0).line()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void deepNestingOfObjectsIsAPositionedError() {
        String deep = "{\"a\":".repeat(200_000) + "1" + "}".repeat(200_000);
        ParseResult result = PolicyParser.parse(deep);
        assertPositioned(result, deep);
        assertThat(result.errors().get(0).category()).isEqualTo("Json syntax error");
        assertThat(result.errors().get(0).message()).containsIgnoringCase("nest");
        String deepCondition = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":"
                + "[".repeat(5000) + "]".repeat(5000) + "}]}";
        assertPositioned(PolicyParser.parse(deepCondition), deepCondition);
    }

    @Test
    void aLoneSurrogateOrControlCharacterIsAnErrorNotACrash() {
        assertPositioned(PolicyParser.parse("{\"Version\":\"1\",\u0000}"), "x");
        ParseResult surrogate = PolicyParser.parse("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:\uD800\","
                + "\"Resource\":\"*\"}]}");
        assertThat(surrogate.valid()).isFalse();
    }

    @Property(tries = 300)
    void anyMutationOfAValidDocumentParsesWithoutThrowing(@ForAll("mutations") String text) {
        ParseResult result = PolicyParser.parse(text);
        if (!result.valid()) {
            assertPositioned(result, text);
        } else {
            assertThat(result.document()).isPresent();
        }
    }

    /** One edit of the text: replace, insert or delete the character at {@code at} (modulo the length). */
    private record Edit(int at, char with, int kind) {
        String apply(String text) {
            int i = at % text.length();
            return switch (kind) {
                case 0 -> text.substring(0, i) + with + text.substring(i + 1);
                case 1 -> text.substring(0, i) + with + text.substring(i);
                default -> text.substring(0, i) + text.substring(i + 1);
            };
        }
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Character> with = Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '\\', '*', 'x', '1', ' ', '\n');
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
        return Combinators.combine(at, with, kind).as(Edit::new).list().ofMinSize(1).ofMaxSize(4).map(edits -> {
            String text = VALID;
            for (Edit edit : edits) {
                text = edit.apply(text);
            }
            return text;
        });
    }
}
