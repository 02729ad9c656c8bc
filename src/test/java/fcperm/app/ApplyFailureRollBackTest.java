package fcperm.app;

import fcperm.plan.Change;
import fcperm.plan.PlanRun;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;
import fcperm.wizard.steps.permissions.PermissionsModel;
import fcperm.wizard.steps.review.PlanRow;
import fcperm.wizard.steps.review.ReviewModel;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario (e): the sandbox stops while the plan is being applied. The run stops at the failed step and lists the
 * steps that were applied; once the sandbox is back, Roll back undoes them, and the sandbox shows the state from
 * before (no role, no attachment).
 */
class ApplyFailureRollBackTest {

    /* Enough grants that the plan runs long enough for the sandbox to stop in the middle of it. */
    private static final List<String> POLICIES = List.of("AliyunOSSReadOnlyAccess", "AliyunOSSFullAccess",
            "AliyunLogFullAccess", "AliyunFCReadOnlyAccess", "AliyunRAMReadOnlyAccess", "AliyunSTSAssumeRoleAccess",
            "AliyunVPCReadOnlyAccess", "AliyunECSReadOnlyAccess", "AliyunFCFullAccess", "AliyunLogReadOnlyAccess");

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);
    static Sandbox restarted;


    @AfterAll
    static void close() throws Exception {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void listsTheAppliedStepsAndRollsThemBack() throws Exception {
        WizardFlows.toRolePage(app, "payments");
        app.next();
        PermissionsModel permissions = app.step(PermissionsModel.class);
        app.waitUntil(() -> !permissions.visibleSystemPolicies().isEmpty());
        List<String> available = POLICIES.stream().filter(name -> permissions.visibleSystemPolicies().stream()
                .anyMatch(p -> p.name().equals(name))).toList();
        for (String policy : available) {
            WizardFlows.addSystemPolicy(app, policy);
        }
        app.next();

        ReviewModel review = app.step(ReviewModel.class);
        app.waitUntil(() -> review.phaseProperty().get() == ReviewModel.Phase.READY);
        int port = app.sandbox().endpoints().ram().getPort();
        // Stop the sandbox as soon as the role has its first policy: the rest of the plan then fails.
        PlanRow firstAttach = review.rows().stream()
                .filter(row -> row.change().kind() == Change.Kind.ATTACH_POLICY_ACCOUNT).findFirst().orElseThrow();
        app.interact(() -> firstAttach.stateProperty().addListener((obs, old, now) -> {
            if (now == PlanRun.State.APPLIED) {
                app.sandbox().close();
            }
        }));
        app.robot.clickOn("#applyButton");
        app.waitUntil(() -> review.phaseProperty().get() != ReviewModel.Phase.APPLYING);

        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.FAILED);
        List<PlanRun.State> states = review.rows().stream().map(row -> row.stateProperty().get()).toList();
        assertThat(states).contains(PlanRun.State.APPLIED, PlanRun.State.FAILED);
        assertThat(states.indexOf(PlanRun.State.FAILED)).isGreaterThan(0);
        assertThat(app.<Label>find("#problem").getText()).contains("Step " + (states.indexOf(PlanRun.State.FAILED) + 1));
        assertThat(app.robot.lookup("#retryButton").queryButton().isVisible()).isTrue();
        assertThat(app.robot.lookup("#rollBackButton").queryButton().isVisible()).isTrue();

        restarted = Sandbox.start(SandboxOptions.of(app.home.resolve("sandbox")).withPort(port));
        SandboxWorld world = new SandboxWorld(restarted);
        assertThat(world.roleExists("payments-role")).isTrue();

        app.robot.clickOn("#rollBackButton");
        app.waitUntil(() -> review.phaseProperty().get() != ReviewModel.Phase.ROLLING_BACK);
        if (review.phaseProperty().get() == ReviewModel.Phase.FAILED) {
            // A pooled connection to the stopped sandbox can fail the first call after the restart; the page
            // then offers Roll back again, as it would to a user, and the second attempt goes through.
            app.robot.clickOn("#rollBackButton");
            app.waitUntil(() -> review.phaseProperty().get() != ReviewModel.Phase.ROLLING_BACK);
        }

        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.ROLLED_BACK);
        assertThat(world.roleExists("payments-role")).isFalse();
        assertThat(app.composition.journal().entries()).extracting(e -> e.outcome())
                .contains("applied", "undone").anyMatch(outcome -> outcome.startsWith("failed"));
    }
}
