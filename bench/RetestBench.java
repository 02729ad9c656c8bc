import fcperm.cloud.CloudSession;
import fcperm.cloud.Connection;
import fcperm.cloud.Credentials;
import fcperm.cloud.Endpoints;
import fcperm.cloud.PolicyKind;
import fcperm.cloud.session.SdkSession;
import fcperm.plan.AuditJournal;
import fcperm.plan.RoleChoice;
import fcperm.plan.ServiceChoice;
import fcperm.plan.probetest.ProbeCode;
import fcperm.plan.probetest.ProbeTesting;
import fcperm.policy.eval.PolicyScope;
import fcperm.probe.ProbePackage;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.common.DialogService;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.SameThreadUiExecutor;
import fcperm.wizard.steps.testfunction.TestFunctionModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Re-test on the sandbox: what the Test Function button does (TestFunctionModel.runTest, the button's handler), from
 * the press to the verdict, when nothing changed since the last test — no redeploy, the warm instance answers, the
 * object is read back. Prints the first test (deploy + cold start) and the median and p90 of the re-tests; asserts
 * nothing. Command in bench/README.md.
 */
public class RetestBench {

    private static final int RETESTS = 30;

    public static void main(String[] args) throws Exception {
        System.out.printf("JVM %s, %d cores, load average %.2f%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path dir = Files.createTempDirectory("bench-retest");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(dir.resolve("sandbox")));
             CloudSession session = SdkSession.open(Connection.sandbox(sandbox.region(),
                     new Credentials.AccessKey(sandbox.rootCredentials().accessKeyId(),
                             sandbox.rootCredentials().accessKeySecret()),
                     Endpoints.local(sandbox.endpoints().ram(), region -> sandbox.endpoints().fc(region))))) {
            String region = sandbox.region();
            session.objects().createBucket("retest-bucket", region);
            session.roles().createForFunctionCompute("retest-role", "");
            session.policies().attach("AliyunOSSFullAccess", PolicyKind.SYSTEM, "retest-role", PolicyScope.account());
            session.functionCompute(region).createService("retest");
            session.functionCompute(region).setServiceRole("retest", session.roles().arnOf("retest-role"));

            TestFunctionModel test = new TestFunctionModel(
                    new ProbeTesting(new ProbeCode(ProbePackage.HANDLER, ProbePackage::build)),
                    new AuditJournal(dir.resolve("audit.jsonl")), new SameThreadUiExecutor(new Failing()),
                    new I18n(Locale.ENGLISH));
            WizardDraft draft = new WizardDraft();
            draft.setSession(session);
            draft.setService(new ServiceChoice.NewService(region, "retest"));
            draft.setRole(new RoleChoice.ExistingRole("retest-role", session.roles().arnOf("retest-role"), false));
            test.enter(draft);
            test.bucketProperty().set("retest-bucket");

            long first = press(test);
            List<Long> retests = new ArrayList<>();
            for (int i = 0; i < RETESTS; i++) {
                retests.add(press(test));
            }
            Collections.sort(retests);
            System.out.printf("first test (deploy, cold instance): %d ms%n", first);
            System.out.printf("re-test, nothing changed: median %d ms, p90 %d ms, max %d ms over %d%n",
                    retests.get(RETESTS / 2), retests.get(RETESTS * 9 / 10), retests.get(RETESTS - 1), RETESTS);
        }
    }

    /** One press of Test Function, to the verdict; fails loudly unless the test worked. */
    private static long press(TestFunctionModel test) {
        long started = System.nanoTime();
        test.runTest();
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (test.verdictProperty().get() != TestFunctionModel.Verdict.SUCCESS) {
            throw new IllegalStateException("the test did not work: " + test.headlineProperty().get() + " "
                    + test.detailProperty().get());
        }
        return millis;
    }

    /** The bench has no window: a failure to show is a failure of the bench. */
    private static final class Failing implements DialogService {
        @Override
        public void showFailure(String whatFailed, Throwable failure) {
            throw new IllegalStateException(whatFailed, failure);
        }

        @Override
        public boolean confirm(String title, String question, String confirmLabel) {
            return true;
        }
    }
}
