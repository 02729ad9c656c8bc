package fcperm.wizard.steps.region;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceNameRuleTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            orders,         ''
            _private-svc_2, ''
            '',             region.new.empty
            9lives,         region.new.chars
            -dash,          region.new.chars
            with.dot,       region.new.chars
            """)
    void checksNamesAsFunctionComputeDoes(String name, String expectedKey) {
        assertThat(ServiceNameRule.problemKey(name).orElse("")).isEqualTo(expectedKey);
    }

    @ParameterizedTest
    @CsvSource({"128, ''", "129, region.new.long"})
    void allowsAtMostOneHundredTwentyEightCharacters(int length, String expectedKey) {
        assertThat(ServiceNameRule.problemKey("s".repeat(length)).orElse("")).isEqualTo(expectedKey);
    }
}
