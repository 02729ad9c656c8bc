package fcperm.app;

import fcperm.plan.AuditJournal;
import fcperm.plan.PlanRun;
import fcperm.wizard.steps.permissions.PermissionsModel;
import fcperm.wizard.steps.region.RegionModel;
import fcperm.wizard.steps.review.PlanRow;
import fcperm.wizard.steps.review.ReviewModel;
import fcperm.wizard.steps.role.RoleModel;
import fcperm.wizard.steps.testfunction.TestFunctionModel;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario (a) of issue 6, through the real window on a real sandbox: create a role, attach AliyunOSSFullAccess for
 * the whole account, bind it to a new service, and Test Function writes the object and reads it back.
 */
class GrantAndTestFunctionTest {

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);



    @Test
    void grantsOssFullAccessAndProvesItWithTestFunction() throws Exception {
        assertThat(app.<Label>find("#fact-account").getText()).isEqualTo(app.sandbox().accountId());
        app.next();

        RegionModel region = app.step(RegionModel.class);
        app.interact(() -> {
            region.modeProperty().set(RegionModel.Mode.NEW);
            region.newNameProperty().set("orders");
        });
        app.next();

        RoleModel role = app.step(RoleModel.class);
        assertThat(role.roleNameProperty().get()).isEqualTo("orders-role");
        app.next();

        PermissionsModel permissions = app.step(PermissionsModel.class);
        app.waitUntil(() -> !permissions.visibleSystemPolicies().isEmpty());
        app.interact(() -> permissions.systemSearchProperty().set("AliyunOSSFullAccess"));
        app.interact(() -> permissions.selectedSystemProperty().set(permissions.visibleSystemPolicies().get(0)));
        app.robot.clickOn("#addButton");
        assertThat(permissions.grants()).extracting(g -> g.policyName()).containsExactly("AliyunOSSFullAccess");
        app.next();

        ReviewModel review = app.step(ReviewModel.class);
        app.waitUntil(() -> review.phaseProperty().get() == ReviewModel.Phase.READY);
        assertThat(review.rows()).extracting(row -> row.change().kind().name())
                .containsExactly("CREATE_SERVICE", "CREATE_ROLE", "ATTACH_POLICY_ACCOUNT", "BIND_ROLE");
        app.robot.clickOn("#applyButton");
        app.waitUntil(() -> review.phaseProperty().get() == ReviewModel.Phase.APPLIED);
        assertThat(review.rows()).extracting(row -> row.stateProperty().get()).containsOnly(PlanRun.State.APPLIED);
        assertThat(review.rows()).allSatisfy(row -> assertThat(row.requestIdProperty().get()).isNotBlank());
        app.next();

        TestFunctionModel test = app.step(TestFunctionModel.class);
        app.interact(() -> test.bucketProperty().set("orders-probe"));
        app.robot.clickOn("#createBucketButton");
        app.waitIdle();
        app.interact(() -> test.messageProperty().set("written by the orders service"));
        app.robot.clickOn("#testButton");
        app.waitUntil(() -> test.verdictProperty().get() != TestFunctionModel.Verdict.RUNNING);

        assertThat(test.verdictProperty().get()).isEqualTo(TestFunctionModel.Verdict.SUCCESS);
        assertThat(app.<Label>find("#fact-content").getText()).isEqualTo("written by the orders service");
        assertThat(app.<Label>find("#fact-readRequest").getText()).isNotBlank();
        assertThat(app.<Label>find("#fact-credentials").getText()).contains("****");
        assertThat(test.logTailProperty().get()).contains("put succeeded");

        assertThat(app.composition.journal().entries()).extracting(AuditJournal.Entry::operation)
                .containsSubsequence("fc:CreateService", "ram:CreateRole", "ram:AttachPolicyToRole",
                        "fc:UpdateService", "oss:PutBucket", "fc:CreateFunction");
        assertThat(app.composition.journal().entries()).allSatisfy(entry -> {
            assertThat(entry.account()).isEqualTo(app.sandbox().accountId());
            assertThat(entry.connection()).isNotBlank();
        });
    }
}
