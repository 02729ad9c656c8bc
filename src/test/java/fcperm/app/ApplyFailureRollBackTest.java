package fcperm.app;

import fcperm.plan.AuditJournal;
import fcperm.plan.PlanRun;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;
import fcperm.wizard.steps.review.ReviewModel;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario (e): applying the plan fails part way. The run stops at the failed step and lists the steps that were
 * applied; Retry with the sandbox stopped fails at the same step and says the sandbox cannot be reached; once it is
 * back, Roll back undoes what the app did, and only that.
 *
 * <p>The failure is made on the server, not timed: between planning and applying, someone else creates a role of
 * the name the plan is about to create, so step 2 (create the role) fails after step 1 (create the service) took
 * effect, whatever the speed of the machine.
 */
class ApplyFailureRollBackTest {

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);
    static Sandbox restarted;

    @AfterAll
    static void close() {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void listsTheAppliedStepsAndRollsThemBack() throws Exception {
        WizardFlows.toRolePage(app, "payments");
        app.next();
        WizardFlows.addSystemPolicy(app, "AliyunOSSReadOnlyAccess");
        app.next();
        ReviewModel review = app.step(ReviewModel.class);
        app.waitUntil(() -> review.phaseProperty().get() == ReviewModel.Phase.READY);
        new SandboxWorld(app.sandbox()).createRoleNotTrustingFc("payments-role");

        app.robot.clickOn("#applyButton");
        app.waitUntil(() -> review.phaseProperty().get() != ReviewModel.Phase.APPLYING);

        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.FAILED);
        assertThat(states(review)).startsWith(PlanRun.State.APPLIED, PlanRun.State.FAILED);
        assertThat(app.<Label>find("#problem").getText()).contains("Step 2 failed");
        assertThat(app.robot.lookup("#retryButton").queryButton().isVisible()).isTrue();
        assertThat(app.robot.lookup("#rollBackButton").queryButton().isVisible()).isTrue();

        int port = app.sandbox().endpoints().ram().getPort();
        app.sandbox().close();
        app.robot.clickOn("#retryButton");
        app.waitUntil(() -> review.phaseProperty().get() != ReviewModel.Phase.APPLYING);

        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.FAILED);
        assertThat(states(review)).startsWith(PlanRun.State.APPLIED, PlanRun.State.FAILED);
        assertThat(app.<Label>find("#problem").getText()).contains("Step 2 failed", "Cannot reach",
                "is it still running?");

        restarted = Sandbox.start(SandboxOptions.of(app.home.resolve("sandbox")).withPort(port));
        rollBack(review);
        if (review.phaseProperty().get() == ReviewModel.Phase.FAILED) {
            // A pooled connection to the stopped sandbox can fail the first call after the restart; the page
            // then offers Roll back again, as it would to a user, and the second attempt goes through.
            rollBack(review);
        }

        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.ROLLED_BACK);
        List<AuditJournal.Entry> journal = app.composition.journal().entries();
        assertThat(journal).filteredOn(entry -> entry.outcome().equals("undone")).extracting(AuditJournal.Entry::target)
                .containsExactly("payments");
        assertThat(journal).extracting(AuditJournal.Entry::outcome).anyMatch(outcome -> outcome.startsWith("failed"));
        // The role someone else made is theirs: rolling back never touches what the app did not create.
        assertThat(new SandboxWorld(restarted).roleExists("payments-role")).isTrue();
    }

    private static List<PlanRun.State> states(ReviewModel review) {
        return review.rows().stream().map(row -> row.stateProperty().get()).toList();
    }

    private static void rollBack(ReviewModel review) throws TimeoutException {
        app.robot.clickOn("#rollBackButton");
        Confirmations.answer(app, "Roll back");
        app.waitUntil(() -> review.phaseProperty().get() != ReviewModel.Phase.ROLLING_BACK);
    }
}
