package fcperm.wizard.steps.permissions;

import fcperm.policy.eval.AccessRequest;
import fcperm.policy.eval.AttachedPolicy;
import fcperm.policy.eval.Evaluator;
import fcperm.policy.eval.Outcome;
import fcperm.policy.eval.PolicyScope;
import fcperm.policy.model.PolicyDocument;
import fcperm.policy.parse.ParseResult;
import fcperm.policy.parse.PolicyParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The presets grant what their intent needs and nothing next to it, checked with the policy engine. */
class PresetTest {

    private static final String ACCOUNT = "1234567890123456";
    private final Evaluator evaluator = new Evaluator();

    @Test
    void ossWriteAllowsPutObjectUnderThePrefixOnly() {
        PolicyDocument policy = parsed(new Preset.OssWrite("media", "uploads/").document(ACCOUNT));

        assertThat(decide(policy, "oss:PutObject", "acs:oss:*:" + ACCOUNT + ":media/uploads/cat.jpg"))
                .isEqualTo(Outcome.ALLOW);
        assertThat(decide(policy, "oss:PutObject", "acs:oss:*:" + ACCOUNT + ":media/private/cat.jpg"))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(policy, "oss:PutObject", "acs:oss:*:" + ACCOUNT + ":other/uploads/cat.jpg"))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(policy, "oss:GetObject", "acs:oss:*:" + ACCOUNT + ":media/uploads/cat.jpg"))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void ossReadAllowsReadingAndListingThePrefixOnly() {
        PolicyDocument policy = parsed(new Preset.OssRead("media", "public/").document(ACCOUNT));

        assertThat(decide(policy, "oss:GetObject", "acs:oss:*:" + ACCOUNT + ":media/public/a.txt"))
                .isEqualTo(Outcome.ALLOW);
        assertThat(decide(policy, "oss:PutObject", "acs:oss:*:" + ACCOUNT + ":media/public/a.txt"))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        AccessRequest listPublic = new AccessRequest("oss:ListObjects", "acs:oss:*:" + ACCOUNT + ":media", "",
                null, Map.of("oss:Prefix", List.of("public/2024/")));
        AccessRequest listAll = new AccessRequest("oss:ListObjects", "acs:oss:*:" + ACCOUNT + ":media", "",
                null, Map.of("oss:Prefix", List.of("")));
        assertThat(decide(policy, listPublic)).isEqualTo(Outcome.ALLOW);
        assertThat(decide(policy, listAll)).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void logWriteAllowsOneLogstore() {
        PolicyDocument policy = parsed(new Preset.LogWrite("app", "errors").document(ACCOUNT));
        assertThat(decide(policy, "log:PostLogStoreLogs", "acs:log:*:" + ACCOUNT + ":project/app/logstore/errors"))
                .isEqualTo(Outcome.ALLOW);
        assertThat(decide(policy, "log:PostLogStoreLogs", "acs:log:*:" + ACCOUNT + ":project/app/logstore/audit"))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void namesArePolicyNamesRamAccepts() {
        assertThat(new Preset.OssWrite("My_Bucket.2024", "").policyName()).isEqualTo("fc-oss-write-my-bucket-2024");
        assertThat(new Preset.OssWrite("*", "x/").policyName()).isEqualTo("fc-oss-write");
        assertThat(PolicyNameRule.problemKey(new Preset.VpcAccess().policyName())).isEmpty();
    }

    private static PolicyDocument parsed(String json) {
        ParseResult result = PolicyParser.parse(json);
        assertThat(result.errors()).isEmpty();
        return result.document().orElseThrow();
    }

    private Outcome decide(PolicyDocument policy, String action, String resource) {
        return decide(policy, AccessRequest.of(action, resource));
    }

    private Outcome decide(PolicyDocument policy, AccessRequest request) {
        return evaluator.evaluate(request, List.of(new AttachedPolicy("preset", "v1", PolicyScope.account(), policy)),
                Optional.empty()).outcome();
    }
}
