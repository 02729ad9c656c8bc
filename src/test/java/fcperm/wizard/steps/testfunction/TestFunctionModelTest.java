package fcperm.wizard.steps.testfunction;

import fcperm.cloud.PolicyKind;
import fcperm.plan.AuditJournal;
import fcperm.plan.Plan;
import fcperm.plan.PlanRun;
import fcperm.plan.RoleChoice;
import fcperm.plan.ServiceChoice;
import fcperm.plan.probetest.ProbeCode;
import fcperm.plan.probetest.ProbeTesting;
import fcperm.policy.eval.PolicyScope;
import fcperm.probe.ProbePackage;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.RecordingDialogService;
import fcperm.wizard.common.SameThreadUiExecutor;
import fcperm.wizard.steps.SandboxSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The Test page's model against a sandbox: a missing bucket, creating one, and results tied to the applied run. */
class TestFunctionModelTest {

    @RegisterExtension
    static final SandboxSession cloud = new SandboxSession();

    @TempDir
    static Path home;
    static AuditJournal journal;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final I18n i18n = new I18n(Locale.ENGLISH);

    @BeforeAll
    static void world() throws Exception {
        String region = cloud.sandbox().region();
        cloud.session().roles().createForFunctionCompute("page-role", "");
        cloud.session().policies().attach("AliyunOSSFullAccess", PolicyKind.SYSTEM, "page-role",
                PolicyScope.account());
        cloud.session().functionCompute(region).createService("page-service");
        cloud.session().functionCompute(region).setServiceRole("page-service",
                cloud.session().roles().arnOf("page-role"));
        journal = new AuditJournal(home.resolve("audit.jsonl"));
    }

    @Test
    void aMissingBucketPointsToCreateBucketWhichConfirmsAndMakesTheTestWork() {
        WizardDraft draft = draftWithRun();
        TestFunctionModel test = model();
        test.enter(draft);
        test.bucketProperty().set("not-there-yet");

        test.runTest();

        assertThat(test.verdictProperty().get()).isEqualTo(TestFunctionModel.Verdict.FAILED);
        assertThat(test.headlineProperty().get()).contains("NoSuchBucket");
        assertThat(test.adviceProperty().get()).contains("The bucket not-there-yet does not exist")
                .contains("Press Create bucket");

        test.createBucket();

        assertThat(test.headlineProperty().get()).isEqualTo("The bucket not-there-yet was created");
        assertThat(test.detailProperty().get()).contains(cloud.sandbox().region()).contains("Roll back asks");
        assertThat(draft.runProperty().get().changes()).extracting(change -> change.kind().name())
                .contains("CREATE_BUCKET");

        test.runTest();

        assertThat(test.verdictProperty().get()).isEqualTo(TestFunctionModel.Verdict.SUCCESS);
        assertThat(draft.runProperty().get().changes()).extracting(change -> change.kind().name())
                .endsWith("CREATE_BUCKET", "PROBE_OBJECT");
        assertThat(test.resultRunProperty().get()).isSameAs(draft.runProperty().get());
        assertThat(dialogs.failures).isEmpty();

        i18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(test.headlineProperty().get()).isEqualTo(i18n.text("test.success")).doesNotContain("It works");
    }

    @Test
    void aResultOfARunThatIsReplacedIsNoLongerShown() {
        WizardDraft draft = draftWithRun();
        TestFunctionModel test = model();
        test.enter(draft);
        test.bucketProperty().set("replaced-run-bucket");
        test.createBucket();
        test.runTest();
        assertThat(test.verdictProperty().get()).isEqualTo(TestFunctionModel.Verdict.SUCCESS);
        assertThat(test.facts()).isNotEmpty();

        draft.runProperty().set(emptyRun());

        assertThat(test.verdictProperty().get()).isEqualTo(TestFunctionModel.Verdict.NONE);
        assertThat(test.facts()).isEmpty();
        assertThat(test.logTailProperty().get()).isEmpty();
        assertThat(test.resultRunProperty().get()).isNull();
    }

    private TestFunctionModel model() {
        return new TestFunctionModel(new ProbeTesting(new ProbeCode(ProbePackage.HANDLER, ProbePackage::build)),
                journal, new SameThreadUiExecutor(dialogs), i18n);
    }

    private static WizardDraft draftWithRun() {
        WizardDraft draft = cloud.draft();
        draft.setService(new ServiceChoice.NewService(cloud.sandbox().region(), "page-service"));
        draft.setRole(new RoleChoice.NewRole("page-role", "", "{}"));
        draft.runProperty().set(emptyRun());
        return draft;
    }

    private static PlanRun emptyRun() {
        return new PlanRun(new Plan(List.of()), journal, new PlanRun.Actor("sandbox", "1"));
    }
}
