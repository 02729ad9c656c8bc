package fcperm.wizard.steps.testfunction;

import fcperm.cloud.PolicyKind;
import fcperm.plan.AuditJournal;
import fcperm.plan.Planner;
import fcperm.policy.eval.PolicyScope;
import fcperm.wizard.common.I18n;
import fcperm.wizard.steps.SandboxSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** How Test Function explains a denial, with the policy engine, against a sandbox. */
class ProbeTestingTest {

    @RegisterExtension
    static final SandboxSession cloud = new SandboxSession();

    @TempDir
    static Path home;
    static ProbeTesting testing;

    @BeforeAll
    static void world() throws Exception {
        cloud.session().objects().createBucket("probe-bucket", cloud.sandbox().region());
        cloud.session().roles().createForFunctionCompute("empty-role", "");
        cloud.session().roles().createForFunctionCompute("denied-role", "");
        cloud.session().policies().createCustom("no-probe-writes", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":"
                + "\"Deny\",\"Action\":\"oss:PutObject\",\"Resource\":\"acs:oss:*:*:probe-bucket/*\"}]}");
        cloud.session().policies().attach("AliyunOSSFullAccess", PolicyKind.SYSTEM, "denied-role",
                PolicyScope.account());
        cloud.session().policies().attach("no-probe-writes", PolicyKind.CUSTOM, "denied-role",
                PolicyScope.account());
        testing = new ProbeTesting(new Planner(() -> new byte[0], "none"),
                new AuditJournal(home.resolve("audit.jsonl")), new I18n(Locale.ENGLISH));
    }

    @Test
    void explainsThatNothingAllowsTheWriteAndWhatToGrant() throws Exception {
        ProbeTesting.Explanation explanation = testing.explain(cloud.session(), "empty-role", event());

        assertThat(explanation.outcome()).isEqualTo("Implicit deny");
        assertThat(explanation.reason()).contains("No policy of the role empty-role allows oss:PutObject")
                .contains("probe-bucket/hello.txt");
        assertThat(explanation.advice()).contains("grant oss:PutObject on the bucket probe-bucket");
    }

    @Test
    void namesTheStatementThatDeniedExplicitly() throws Exception {
        ProbeTesting.Explanation explanation = testing.explain(cloud.session(), "denied-role", event());

        assertThat(explanation.outcome()).isEqualTo("Explicit deny");
        assertThat(explanation.reason()).contains("statement 1 of no-probe-writes");
        assertThat(explanation.advice()).contains("explicitly denies");
    }

    @Test
    void showsOnlyTheEndsOfAnAccessKeyId() {
        assertThat(ProbeTesting.mask("STS.NUgYrLnoC37mZZCNnAbez")).isEqualTo("STS.NU****bez");
        assertThat(ProbeTesting.mask("short")).isEqualTo("****");
    }

    private static ProbeTesting.Event event() {
        return new ProbeTesting.Event(cloud.session().ossEndpointFor(cloud.sandbox().region()), "probe-bucket",
                "hello.txt", "hi");
    }
}
