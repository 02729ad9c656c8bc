package fcperm.wizard.steps.role;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RoleNameRuleTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            orders-role,        ''
            a.b-C9,             ''
            '',                 role.name.empty
            role_with_underscore, role.name.chars
            role name,          role.name.chars
            """)
    void checksNamesAsRamDoes(String name, String expectedKey) {
        assertThat(RoleNameRule.problemKey(name).orElse("")).isEqualTo(expectedKey);
    }

    @ParameterizedTest
    @CsvSource({"64, ''", "65, role.name.long"})
    void allowsAtMostSixtyFourCharacters(int length, String expectedKey) {
        assertThat(RoleNameRule.problemKey("r".repeat(length)).orElse("")).isEqualTo(expectedKey);
    }
}
