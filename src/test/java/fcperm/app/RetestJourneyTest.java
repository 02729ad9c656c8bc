package fcperm.app;

import fcperm.plan.AuditJournal;
import fcperm.wizard.steps.review.ReviewModel;
import fcperm.wizard.steps.testfunction.TestFunctionModel;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user tests, then presses Test Function again with nothing changed: the probe is not deployed again (no
 * CreateFunction or UpdateFunction in the journal after the first test), and the result shown is the new one.
 */
class RetestJourneyTest {

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);

    @Test
    void aSecondTestDeploysNothingAndShowsItsOwnResult() throws Exception {
        WizardFlows.toRolePage(app, "retest");
        app.next();
        WizardFlows.addSystemPolicy(app, "AliyunOSSFullAccess");
        app.next();
        assertThat(WizardFlows.apply(app).phaseProperty().get()).isEqualTo(ReviewModel.Phase.APPLIED);
        app.next();

        TestFunctionModel test = WizardFlows.testWithNewBucket(app, "retest-probe");
        assertThat(test.verdictProperty().get()).isEqualTo(TestFunctionModel.Verdict.SUCCESS);
        String firstInvocation = app.<Label>find("#fact-invokeRequest").getText();
        int journalAfterFirst = app.composition.journal().entries().size();

        app.interact(() -> test.messageProperty().set("the second test"));
        app.robot.clickOn("#testButton");
        app.waitUntil(() -> test.verdictProperty().get() != TestFunctionModel.Verdict.RUNNING);

        assertThat(test.verdictProperty().get()).isEqualTo(TestFunctionModel.Verdict.SUCCESS);
        assertThat(app.<Label>find("#fact-invokeRequest").getText()).isNotEqualTo(firstInvocation);
        assertThat(app.<Label>find("#fact-content").getText()).isEqualTo("the second test");
        List<AuditJournal.Entry> journal = app.composition.journal().entries();
        assertThat(journal.subList(0, journalAfterFirst)).extracting(AuditJournal.Entry::operation)
                .containsOnlyOnce("fc:CreateFunction");
        assertThat(journal.subList(journalAfterFirst, journal.size())).extracting(AuditJournal.Entry::operation)
                .doesNotContain("fc:CreateFunction", "fc:UpdateFunction");
    }
}
