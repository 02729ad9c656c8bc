package fcperm.policy.eval;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class WildcardTest {

    @Test
    void starMatchesAnyRunAcrossSlashesAndColons() {
        Wildcard pattern = Wildcard.caseSensitive("acs:oss:*:*:bucket/*");
        assertThat(pattern.matches("acs:oss:*:*:bucket/")).isTrue();
        assertThat(pattern.matches("acs:oss:cn-hangzhou:123:bucket/a/b/c.txt")).isTrue();
        assertThat(pattern.matches("acs:oss:cn-hangzhou:123:bucket")).isFalse();
        assertThat(Wildcard.caseSensitive("acs:oss:*:*:*").matches("acs:oss:cn-hangzhou:123:b/o")).isTrue();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        Wildcard pattern = Wildcard.caseSensitive("logs/201?.txt");
        assertThat(pattern.matches("logs/2019.txt")).isTrue();
        assertThat(pattern.matches("logs/201.txt")).isFalse();
        assertThat(pattern.matches("logs/20199.txt")).isFalse();
    }

    @Test
    void isAnchoredAtBothEnds() {
        Wildcard pattern = Wildcard.caseSensitive("acs:fc:cn-hangzhou:*:functions/demo");
        assertThat(pattern.matches("acs:fc:cn-hangzhou:1:functions/demo")).isTrue();
        assertThat(pattern.matches("acs:fc:cn-hangzhou:1:functions/demo2")).isFalse();
        assertThat(pattern.matches("x-acs:fc:cn-hangzhou:1:functions/demo")).isFalse();
    }

    @Test
    void treatsRegexSyntaxAsLiteralText() {
        Wildcard pattern = Wildcard.caseSensitive("b/(a+)+.[x]|y$*");
        assertThat(pattern.matches("b/(a+)+.[x]|y$tail")).isTrue();
        assertThat(pattern.matches("b/aaaa.x")).isFalse();
        assertThat(Wildcard.caseSensitive("a.c").matches("abc")).isFalse();
    }

    @Test
    void aStarInThePatternStaysAWildcardWhereTheTextHasALiteralStar() {
        assertThat(Wildcard.caseSensitive("*c").matches("*xc")).isTrue();
        assertThat(Wildcard.caseSensitive("a*b*c").matches("a*b*xc")).isTrue();
    }

    @Test
    void comparesCaseOnlyWhenAskedTo() {
        assertThat(Wildcard.ignoringCase("OSS:get*").matches("oss:GetObject")).isTrue();
        assertThat(Wildcard.ignoringCase("oss:*object").matches("OSS:GETOBJECT")).isTrue();
        assertThat(Wildcard.caseSensitive("bucket/Photos/*").matches("bucket/photos/a.jpg")).isFalse();
    }

    @Test
    void staysLinearOnPatternsThatWouldMakeARegexBacktrack() {
        String text = "a".repeat(50_000);
        assertThat(Wildcard.caseSensitive("*a*a*a*a*a*a*a*a*b").matches(text)).isFalse();
        assertThat(Wildcard.caseSensitive("*a*a*a*a*a*a*a*a*").matches(text)).isTrue();
    }

    @Test
    void handlesEmptyPatternsRepeatedStarsAndOverlappingEnds() {
        assertThat(Wildcard.caseSensitive("").matches("")).isTrue();
        assertThat(Wildcard.caseSensitive("").matches("a")).isFalse();
        assertThat(Wildcard.caseSensitive("**").matches("anything")).isTrue();
        assertThat(Wildcard.caseSensitive("a**b").matches("ab")).isTrue();
        assertThat(Wildcard.caseSensitive("ab*ba").matches("aba")).isFalse();
        assertThat(Wildcard.caseSensitive("ab*ba").matches("abba")).isTrue();
        assertThat(Wildcard.caseSensitive("*?").matches("")).isFalse();
        assertThat(Wildcard.caseSensitive("?*?").matches("ab")).isTrue();
        assertThat(Wildcard.caseSensitive("*a?c*").matches("xxabxabcx")).isTrue();
        assertThat(Wildcard.ignoringCase("vpc:Describe*Cen*").matches("VPC:describeCENs")).isTrue();
        assertThat(Wildcard.ignoringCase("vpc:Describe*Cen*").matches("vpc:DescribeVpcs")).isFalse();
    }

    /** What the matcher must agree with: the pattern as an anchored regular expression, literal parts quoted. */
    private static Pattern reference(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL
                : Pattern.DOTALL);
    }

    @Property(tries = 3000)
    void agreesWithAnAnchoredRegularExpression(@ForAll("patterns") String pattern, @ForAll("texts") String text) {
        assertThat(Wildcard.caseSensitive(pattern).matches(text)).isEqualTo(reference(pattern, false).matcher(text).matches());
        assertThat(Wildcard.ignoringCase(pattern).matches(text)).isEqualTo(reference(pattern, true).matcher(text).matches());
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars('a', 'b', 'A', '/', ':', '.', '*', '?').ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars('a', 'b', 'A', 'B', '/', ':', '.', '*', '?').ofMaxLength(12);
    }
}
