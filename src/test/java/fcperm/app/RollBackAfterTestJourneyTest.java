package fcperm.app;

import fcperm.plan.AuditJournal;
import fcperm.plan.PlanRun;
import fcperm.wizard.steps.review.ReviewModel;
import fcperm.wizard.steps.testfunction.TestFunctionModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The straight pass, a successful test in a bucket the app created, then back to Review and Roll back: the app asks
 * first (and once more for the bucket), then undoes everything the session made, last first — the object the probe
 * wrote, the probe, the bucket, then the plan — and names each undo in the journal.
 */
class RollBackAfterTestJourneyTest {

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);

    @Test
    void rollBackAfterATestLeavesNothingOfTheSessionBehind() throws Exception {
        WizardFlows.toRolePage(app, "thumbnails");
        app.next();
        WizardFlows.addSystemPolicy(app, "AliyunOSSFullAccess");
        app.next();
        ReviewModel review = WizardFlows.apply(app);
        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.APPLIED);
        app.next();

        TestFunctionModel test = WizardFlows.testWithNewBucket(app, "thumbnails-probe");
        assertThat(test.verdictProperty().get()).isEqualTo(TestFunctionModel.Verdict.SUCCESS);
        int journalBeforeRollBack = app.composition.journal().entries().size();

        app.robot.clickOn("#backButton");
        app.waitIdle();
        app.robot.clickOn("#rollBackButton");
        // 4 planned changes (service, role, attachment, binding), then the bucket, the probe and its object
        assertThat(Confirmations.question(app)).startsWith("Undo the 7 changes made in this session");
        Confirmations.answer(app, "Roll back");
        assertThat(Confirmations.question(app)).contains("thumbnails-probe");
        Confirmations.answer(app, "Delete the bucket");
        app.waitUntil(() -> review.phaseProperty().get() != ReviewModel.Phase.ROLLING_BACK);

        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.ROLLED_BACK);
        assertThat(review.rows()).extracting(row -> row.stateProperty().get()).containsOnly(PlanRun.State.UNDONE);
        SandboxWorld world = new SandboxWorld(app.sandbox());
        assertThat(world.roleExists("thumbnails-role")).isFalse();
        var journal = app.composition.journal().entries();
        assertThat(journal.subList(journalBeforeRollBack, journal.size()))
                .allSatisfy(entry -> assertThat(entry.outcome()).isEqualTo("undone"))
                .extracting(AuditJournal.Entry::operation)
                .containsExactly("oss:DeleteObject", "fc:DeleteFunction", "oss:DeleteBucket", "fc:UpdateService",
                        "ram:DetachPolicyFromRole", "ram:DeleteRole", "fc:DeleteService");
    }
}
