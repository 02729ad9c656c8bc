package fcperm.app;

import fcperm.wizard.steps.review.ReviewModel;
import fcperm.wizard.steps.role.RoleModel;
import javafx.scene.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario (c): an existing role that Function Compute may not assume is hidden by default, shown with a warning
 * (whom it trusts instead) when all roles are listed; Next waits for the fix or an explicit "keep it as it is";
 * the fix is applied with the plan and keeps the old trust, and coming back afterwards the role is listed as
 * trusting FC, still chosen, with nothing changed since the apply.
 */
class UntrustedRoleFixJourneyTest {

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);
    static SandboxWorld world;

    @BeforeAll
    static void open() throws Exception {
        world = new SandboxWorld(app.sandbox());
        world.createRoleNotTrustingFc("legacy-batch");
    }


    @Test
    void warnsAboutARoleThatDoesNotTrustFunctionComputeAndFixesIt() throws Exception {
        WizardFlows.toRolePage(app, "batch");
        RoleModel role = app.step(RoleModel.class);
        app.robot.clickOn("#existingMode");
        app.waitIdle();
        assertThat(role.visibleRoles()).extracting(r -> r.name()).doesNotContain("legacy-batch");

        app.robot.clickOn("#showAll");
        app.interact(() -> role.selectedProperty().set(role.visibleRoles().stream()
                .filter(r -> r.name().equals("legacy-batch")).findFirst().orElseThrow()));
        assertThat(app.<Node>find("#untrustedNote").isVisible()).isTrue();
        assertThat(role.trustedByProperty().get()).isEqualTo("acs:ram::" + app.sandbox().accountId() + ":root");
        assertThat(app.wizard().canNextProperty().get()).isFalse();
        assertThat(app.wizard().draft().role()).isEmpty();

        app.robot.clickOn("#acceptUntrustedExisting");
        assertThat(app.wizard().canNextProperty().get()).as("kept as it is, on purpose").isTrue();
        assertThat(app.wizard().draft().role()).hasValueSatisfying(r -> assertThat(r.untrustedAccepted()).isTrue());

        app.robot.clickOn("#fixTrustButton");
        assertThat(app.wizard().canNextProperty().get()).isTrue();
        assertThat(app.wizard().draft().role()).hasValueSatisfying(r -> assertThat(r.untrustedAccepted()).isFalse());
        app.next();

        WizardFlows.addSystemPolicy(app, "AliyunOSSReadOnlyAccess");
        app.next();
        ReviewModel review = WizardFlows.apply(app);
        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.APPLIED);
        assertThat(review.rows()).extracting(row -> row.change().kind().name()).contains("UPDATE_TRUST_POLICY")
                .doesNotContain("KEEP_UNTRUSTED_ROLE");

        String trust = world.trustPolicyOf("legacy-batch");
        assertThat(trust).contains("fc.aliyuncs.com").contains("acs:ram::" + app.sandbox().accountId() + ":root");

        app.robot.clickOn("#step-role");
        app.waitIdle();
        assertThat(role.selectedProperty().get().name()).isEqualTo("legacy-batch");
        assertThat(role.selectedProperty().get().trustsFunctionCompute()).isTrue();
        assertThat(app.<Node>find("#untrustedNote").isVisible()).isFalse();
        assertThat(app.wizard().canNextProperty().get()).isTrue();
        assertThat(app.wizard().draft().runMatchesDraftProperty().get()).as("nothing changed since the apply").isTrue();
    }
}
