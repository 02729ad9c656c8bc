package fcperm.app;

import fcperm.wizard.steps.permissions.PermissionsModel;
import fcperm.wizard.steps.review.ReviewModel;
import fcperm.wizard.steps.testfunction.TestFunctionModel;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario (b): a least-privilege preset granted in one resource group only. Test Function is allowed for a
 * bucket in the group and denied, with the policy engine's explanation, for a bucket outside it.
 */
class LeastPrivilegeInResourceGroupTest {

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);
    static String group;

    @BeforeAll
    static void open() throws Exception {
        SandboxWorld world = new SandboxWorld(app.sandbox());
        group = world.createResourceGroup("media");
        world.createBucket("media-inside", group);
        world.createBucket("media-outside", null);
    }


    @Test
    void allowsTheBucketInTheGroupAndExplainsTheDenialOutsideIt() throws Exception {
        WizardFlows.toRolePage(app, "media");
        app.next();

        PermissionsModel permissions = app.step(PermissionsModel.class);
        app.waitUntil(() -> !permissions.groups().isEmpty());
        app.interact(() -> {
            permissions.presetKindProperty().set(PermissionsModel.PresetKind.OSS_WRITE);
            permissions.presetFirstProperty().set("*");
            permissions.presetSecondProperty().set("uploads/");
        });
        app.robot.clickOn("Presets").clickOn("#generateButton");
        assertThat(permissions.editorTextProperty().get()).contains("oss:PutObject").contains("/uploads/*");
        app.robot.clickOn("#groupScope");
        app.interact(() -> permissions.groupProperty().set(permissions.groups().stream()
                .filter(g -> g.id().equals(group)).findFirst().orElseThrow()));
        app.robot.clickOn("#addButton");
        assertThat(permissions.grants()).hasSize(1);
        app.next();

        ReviewModel review = WizardFlows.apply(app);
        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.APPLIED);
        assertThat(review.rows()).extracting(row -> row.change().kind().name())
                .contains("CREATE_POLICY", "ATTACH_POLICY_RESOURCE_GROUP");
        app.next();

        TestFunctionModel test = app.step(TestFunctionModel.class);
        app.interact(() -> {
            test.bucketProperty().set("media-inside");
            test.objectNameProperty().set("uploads/cat.txt");
        });
        app.robot.clickOn("#testButton");
        app.waitUntil(() -> test.verdictProperty().get() != TestFunctionModel.Verdict.RUNNING);
        assertThat(test.verdictProperty().get()).isEqualTo(TestFunctionModel.Verdict.SUCCESS);

        app.interact(() -> test.bucketProperty().set("media-outside"));
        app.robot.clickOn("#testButton");
        app.waitUntil(() -> test.verdictProperty().get() != TestFunctionModel.Verdict.RUNNING);
        assertThat(test.verdictProperty().get()).isEqualTo(TestFunctionModel.Verdict.DENIED);
        assertThat(app.<Label>find("#fact-decision").getText()).isEqualTo("Implicit deny");
        assertThat(app.<Label>find("#fact-why").getText()).contains("oss:PutObject").contains("media-outside");
        assertThat(test.adviceProperty().get()).contains("What to change").contains("media-outside");
    }
}
