package fcperm.policy.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Syntax errors are written for the person who pasted the policy: where it broke, in words, no parser internals. */
class PolicyParserMessagesTest {

    @Test
    void anUnclosedArrayNamesWhereItWasOpenedWithoutJacksonInternals() {
        ParseResult result = PolicyParser.parse("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"oss:*\",\"Resource\":\"*\"}\n}");

        assertThat(result.valid()).isFalse();
        PolicyProblem problem = result.errors().get(0);
        assertThat(problem.category()).isEqualTo("Json syntax error");
        assertThat(problem.message())
                .contains("line 1, column 28")
                .doesNotContain("Source:", "REDACTED", "StreamReadFeature");
        assertThat(problem.line()).isEqualTo(2);
    }

    @Test
    void aTruncatedDocumentSaysWhichObjectIsUnclosed() {
        ParseResult result = PolicyParser.parse("{\"Version\":\"1\",\"Statement\":[]");

        PolicyProblem problem = result.errors().get(0);
        assertThat(problem.message()).contains("line 1, column 1").doesNotContain("Source:");
    }

    @Test
    void tooDeepNestingIsReportedWhereTheLimitIsCrossed() {
        String opening = "{\"a\":";
        String deep = opening.repeat(1000) + "1" + "}".repeat(1000);

        PolicyProblem problem = PolicyParser.parse(deep).errors().get(0);

        assertThat(problem.category()).isEqualTo("Json syntax error");
        assertThat(problem.message()).contains("nested deeper than " + JsonTree.MAX_DEPTH);
        // the first value that is too deep: the object after MAX_DEPTH + 1 enclosing ones, not the document's start
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.column()).isEqualTo((JsonTree.MAX_DEPTH + 1) * opening.length() + 1);
    }
}
