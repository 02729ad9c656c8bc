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

    @Test
    void aMissingCommaIsSaidInPlainWordsWhereItIsMissing() {
        PolicyProblem problem = PolicyParser.parse("{\"Version\":\"1\" \"Statement\":[]}").errors().get(0);

        assertThat(problem.message()).isEqualTo("expected ',' between two entries (or '}' to end the object), found '\"'");
        assertThat(problem.message()).doesNotContain("code 34", "Unexpected character");
        assertThat(problem.column()).isEqualTo(16);
        assertThat(problem.describe()).isEqualTo("1:16: Json syntax error: " + problem.message());
    }

    @Test
    void anUnknownTokenIsMarkedWhereItStarts() {
        String text = "{\"Version\":\"1\",\n \"Statement\":[{\"Effect\":Allow}]}";

        PolicyProblem problem = PolicyParser.parse(text).errors().get(0);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(text.split("\n")[1].substring(problem.column() - 1)).startsWith("Allow}");
        assertThat(problem.message()).startsWith("'Allow' is not a JSON value: write text in double quotes (\"Allow\")");
    }

    @Test
    void commonSlipsAreNamed() {
        assertThat(firstMessage("{\"Version\":\"1\",}")).contains("a comma before '}' has nothing after it");
        assertThat(firstMessage("{\"Action\":[\"a\",]}")).contains("a comma before ']' has nothing after it");
        assertThat(firstMessage("{\"Version\":'1'}")).contains("double quotes, not single quotes");
        assertThat(firstMessage("{Version:1}")).contains("expected a key in double quotes");
        assertThat(firstMessage("{\"Version\" \"1\"}")).contains("expected ':' after the key");
        assertThat(firstMessage("{\"Version\":\"1")).contains("closing double quote is missing");
        assertThat(firstMessage("{\"Version\":\"1\"")).contains("the object opened at line 1, column 1");
    }

    private static String firstMessage(String text) {
        return PolicyParser.parse(text).errors().get(0).message();
    }
}
