package fcperm.cloud;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrustPoliciesTest {

    private static final String ROOT_ONLY = "{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\","
            + "\"Effect\":\"Allow\",\"Principal\":{\"RAM\":[\"acs:ram::1234567890123456:root\"]}}]}";

    @Test
    void functionComputeTrustPolicyTrustsFunctionCompute() {
        assertThat(TrustPolicies.trustsFunctionCompute(TrustPolicies.FUNCTION_COMPUTE)).isTrue();
    }

    @Test
    void roleTrustingOnlyTheAccountDoesNotTrustFunctionCompute() {
        assertThat(TrustPolicies.trustsFunctionCompute(ROOT_ONLY)).isFalse();
    }

    @Test
    void explicitDenyOfFunctionComputeWins() {
        String denied = "{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}},{\"Action\":\"sts:*\",\"Effect\":\"Deny\","
                + "\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}]}";
        assertThat(TrustPolicies.trustsFunctionCompute(denied)).isFalse();
    }

    @Test
    void malformedTrustPolicyTrustsNobody() {
        assertThat(TrustPolicies.trustsFunctionCompute("{\"Statement\":")).isFalse();
    }

    @Test
    void addingFunctionComputeKeepsTheOtherPrincipals() {
        String fixed = TrustPolicies.withFunctionCompute(ROOT_ONLY);
        assertThat(TrustPolicies.trustsFunctionCompute(fixed)).isTrue();
        assertThat(fixed).contains("acs:ram::1234567890123456:root");
    }

    @Test
    void policyThatAlreadyTrustsFunctionComputeIsLeftAlone() {
        assertThat(TrustPolicies.withFunctionCompute(TrustPolicies.FUNCTION_COMPUTE))
                .isEqualTo(TrustPolicies.FUNCTION_COMPUTE);
    }
}
