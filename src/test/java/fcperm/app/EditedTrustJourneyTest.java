package fcperm.app;

import fcperm.wizard.steps.review.ReviewModel;
import fcperm.wizard.steps.role.RoleModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new role whose trust policy, edited under Advanced, names ECS instead of Function Compute: the Role page warns
 * and lets the user keep it only on purpose; applied as the account's root, binding it to the service fails, and
 * the page says why in the cloud's own words — FC may not assume the role — never that the connected identity lacks
 * a permission.
 */
class EditedTrustJourneyTest {

    private static final String ECS_ONLY = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}]}";

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);

    @Test
    void theBindErrorKeepsTheSandboxsReason() throws Exception {
        WizardFlows.toRolePage(app, "ecs-trust");
        RoleModel role = app.step(RoleModel.class);
        app.robot.clickOn("#advanced");
        app.interact(() -> role.trustPolicyProperty().set(ECS_ONLY));
        app.waitIdle();
        // The Role page warns; Next waits for the user to keep the role as it is on purpose.
        assertThat(app.<Node>find("#newUntrustedNote").isVisible()).isTrue();
        assertThat(app.wizard().canNextProperty().get()).isFalse();
        app.robot.clickOn("#acceptUntrustedNew");
        app.next();
        WizardFlows.addSystemPolicy(app, "AliyunOSSReadOnlyAccess");
        app.next();

        ReviewModel review = WizardFlows.apply(app);

        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.FAILED);
        String problem = app.<Label>find("#problem").getText();
        assertThat(problem).contains("fc:UpdateService", "AccessDenied", "fc.aliyuncs.com",
                "let Function Compute assume it on the Role page");
        assertThat(problem).doesNotContain("may not do", "ask an administrator to grant fc:UpdateService");
    }
}
