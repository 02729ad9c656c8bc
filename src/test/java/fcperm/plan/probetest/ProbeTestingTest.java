package fcperm.plan.probetest;

import fcperm.cloud.PolicyKind;
import fcperm.plan.AuditJournal;
import fcperm.plan.Plan;
import fcperm.plan.PlanRun;
import fcperm.plan.PlanStep;
import fcperm.plan.ServiceChoice;
import fcperm.policy.eval.Outcome;
import fcperm.policy.eval.PolicyScope;
import fcperm.probe.ProbePackage;
import fcperm.wizard.steps.SandboxSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Test function without the UI, against a sandbox: deploying only when needed, and explaining a denial. */
class ProbeTestingTest {

    @RegisterExtension
    static final SandboxSession cloud = new SandboxSession();

    @TempDir
    static Path home;
    static final ProbeCode PROBE = new ProbeCode(ProbePackage.HANDLER, ProbePackage::build);
    static final ProbeTesting testing = new ProbeTesting(PROBE);

    @BeforeAll
    static void world() throws Exception {
        cloud.session().objects().createBucket("probe-bucket", cloud.sandbox().region());
        cloud.session().roles().createForFunctionCompute("empty-role", "");
        cloud.session().roles().createForFunctionCompute("denied-role", "");
        cloud.session().roles().createForFunctionCompute("plain-http-role", "");
        cloud.session().roles().createForFunctionCompute("writer-role", "");
        cloud.session().policies().createCustom("no-probe-writes", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":"
                + "\"Deny\",\"Action\":\"oss:PutObject\",\"Resource\":\"acs:oss:*:*:probe-bucket/*\"}]}");
        cloud.session().policies().createCustom("https-only", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":"
                + "\"Deny\",\"Action\":\"oss:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"acs:SecureTransport\":\"false\"}}}]}");
        for (String role : List.of("denied-role", "plain-http-role", "writer-role")) {
            cloud.session().policies().attach("AliyunOSSFullAccess", PolicyKind.SYSTEM, role, PolicyScope.account());
        }
        cloud.session().policies().attach("no-probe-writes", PolicyKind.CUSTOM, "denied-role", PolicyScope.account());
        cloud.session().policies().attach("https-only", PolicyKind.CUSTOM, "plain-http-role", PolicyScope.account());
    }

    @Test
    void explainsThatNothingAllowsTheWrite() throws Exception {
        ProbeTesting.Explanation explanation = testing.explain(cloud.session(), "empty-role", event(), Instant.now());

        assertThat(explanation.decision().outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(explanation.decision().deciding()).isEmpty();
        assertThat(explanation.resource()).endsWith(":probe-bucket/hello.txt");
        assertThat(explanation.bucket()).isEqualTo("probe-bucket");
    }

    @Test
    void namesTheStatementThatDeniedExplicitly() throws Exception {
        ProbeTesting.Explanation explanation = testing.explain(cloud.session(), "denied-role", event(), Instant.now());

        assertThat(explanation.decision().outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(explanation.decision().deciding().get(0).policyName()).isEqualTo("no-probe-writes");
    }

    @Test
    void explainsWithTheRequestContextTheSandboxSaw() throws Exception {
        // The sandbox is reached over plain HTTP from the loopback address: a deny on insecure transport applies.
        ProbeTesting.Explanation explanation = testing.explain(cloud.session(), "plain-http-role", event(),
                Instant.now());

        assertThat(explanation.decision().outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(explanation.decision().deciding().get(0).policyName()).isEqualTo("https-only");
        assertThat(ProbeTesting.requestContext(event(), "acs:ram::1:role/r", Instant.EPOCH))
                .containsEntry("acs:SourceIp", List.of("127.0.0.1"))
                .containsEntry("acs:SecureTransport", List.of("false"))
                .containsEntry("acs:CurrentTime", List.of("1970-01-01T00:00:00Z"));
    }

    @Test
    void aRetestWithUnchangedCodeDeploysNothingAndAChangeIsAnUpdate() throws Exception {
        ServiceChoice service = new ServiceChoice.NewService(cloud.sandbox().region(), "retest-service");
        cloud.session().functionCompute(service.region()).createService(service.name());
        cloud.session().functionCompute(service.region()).setServiceRole(service.name(),
                cloud.session().roles().arnOf("writer-role"));
        AuditJournal journal = new AuditJournal(home.resolve("audit.jsonl"));
        PlanRun run = new PlanRun(new Plan(List.of()), journal, new PlanRun.Actor("sandbox", "1"));

        ProbeTesting.Outcome first = testing.test(cloud.session(), service, "writer-role", event(), run, stage -> { });
        ProbeTesting.Outcome second = testing.test(cloud.session(), service, "writer-role", event(), run, stage -> { });

        assertThat(first.readBack()).isPresent();
        assertThat(second.readBack()).get().satisfies(object -> assertThat(object.text()).isEqualTo("hi"));
        assertThat(second.invocation().requestId()).isNotEqualTo(first.invocation().requestId());
        assertThat(journal.entries()).extracting(AuditJournal.Entry::operation)
                .containsExactly("fc:CreateFunction", "oss:PutObject");
        assertThat(testing.deployment(cloud.session(), service)).isEmpty();

        ProbeTesting changed = new ProbeTesting(new ProbeCode(ProbePackage.HANDLER, () -> withExtraEntry(PROBE.zip())));
        Optional<PlanStep> update = changed.deployment(cloud.session(), service);
        assertThat(update).get().satisfies(step -> assertThat(step.change().operation())
                .isEqualTo("fc:UpdateFunction"));
    }

    @Test
    void showsOnlyTheEndsOfAnAccessKeyId() {
        assertThat(ProbeTesting.mask("STS.NUgYrLnoC37mZZCNnAbez")).isEqualTo("STS.NU****bez");
        assertThat(ProbeTesting.mask("short")).isEqualTo("****");
    }

    private static byte[] withExtraEntry(byte[] zip) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("extra.txt"));
            out.write(zip.length % 7);
            out.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ProbeTesting.Event event() {
        return new ProbeTesting.Event(cloud.session().ossEndpointFor(cloud.sandbox().region()), "probe-bucket",
                "hello.txt", "hi");
    }
}
