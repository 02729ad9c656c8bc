package fcperm.policy.eval;

import org.junit.jupiter.api.Test;

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
}
