package fcperm.app;

import fcperm.plan.Change;
import fcperm.wizard.steps.permissions.PermissionsModel;
import fcperm.wizard.steps.review.ReviewModel;
import fcperm.wizard.steps.role.RoleModel;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grant refused on the way: for a role that already has a policy (so the page was valid before), an "Add" that
 * is refused holds Next — the plan would otherwise grant nothing of what the user meant — until the input is put
 * right; a grant refused by the cloud at apply time stops the run there; taking the grant out plans again, reusing
 * the service the failed run made.
 */
class RefusedGrantJourneyTest {

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);
    static SandboxWorld world;

    private static final String WRITE = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"oss:PutObject\"],\"Resource\":[\"acs:oss:*:*:reports/*\"]}]}";

    @BeforeAll
    static void roleWithAPolicy() throws Exception {
        world = new SandboxWorld(app.sandbox());
        world.createRoleTrustingFc("reports-role");
        world.ram("AttachPolicyToRole", Map.of("PolicyType", "System", "PolicyName", "AliyunOSSReadOnlyAccess",
                "RoleName", "reports-role"));
        world.ram("CreatePolicy", Map.of("PolicyName", "reports-write", "PolicyDocument",
                WRITE.replace("reports/*", "elsewhere/*")));
    }

    @Test
    void aRefusedGrantHoldsNextAndARefusalAtApplyStopsTheRun() throws Exception {
        WizardFlows.toRolePage(app, "reports");
        RoleModel role = app.step(RoleModel.class);
        app.robot.clickOn("#existingMode");
        app.waitIdle();
        app.interact(() -> role.selectedProperty().set(role.visibleRoles().stream()
                .filter(r -> r.name().equals("reports-role")).findFirst().orElseThrow()));
        app.next();

        PermissionsModel permissions = app.step(PermissionsModel.class);
        assertNext(true);
        WizardFlows.addSystemPolicy(app, "AliyunOSSReadOnlyAccess");
        assertThat(app.<Label>find("#addProblem").getText()).contains("already has");
        assertNext(false);

        // A new policy under the name of one that exists with another document: refused, Next held.
        app.robot.clickOn("Custom policies");
        app.interact(() -> permissions.editorTextProperty().set(WRITE));
        app.robot.clickOn("#customName").write("reports-write");
        app.robot.clickOn("#addButton");
        assertThat(app.<Label>find("#addProblem").getText()).contains("exists");
        assertThat(permissions.grants()).isEmpty();
        assertNext(false);

        app.robot.clickOn("#customName").press(KeyCode.END).release(KeyCode.END).write("-2");
        assertNext(true);
        app.robot.clickOn("#addButton");
        assertThat(permissions.grants()).extracting(g -> g.policyName()).containsExactly("reports-write-2");
        assertThat(permissions.effectOf(permissions.grants().get(0)))
                .isEqualTo(PermissionsModel.GrantEffect.NEW_POLICY);
        app.next();

        // The cloud refuses the grant at apply time: someone took the name after the plan was made.
        ReviewModel review = app.step(ReviewModel.class);
        app.waitUntil(() -> review.phaseProperty().get() == ReviewModel.Phase.READY);
        assertThat(kinds(review)).containsExactly(Change.Kind.CREATE_SERVICE, Change.Kind.CREATE_POLICY,
                Change.Kind.ATTACH_POLICY_ACCOUNT, Change.Kind.BIND_ROLE);
        world.ram("CreatePolicy", Map.of("PolicyName", "reports-write-2", "PolicyDocument", WRITE));
        WizardFlows.apply(app);
        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.FAILED);
        assertThat(app.<Label>find("#problem").getText()).contains("Step 2 failed");
        assertNext(false);

        // Taking the grant out plans again; the service the failed run made is this session's own.
        app.back();
        app.interact(() -> permissions.remove(permissions.grants().get(0)));
        assertNext(true);
        app.next();
        app.waitUntil(() -> review.phaseProperty().get() == ReviewModel.Phase.READY);
        assertThat(kinds(review)).containsExactly(Change.Kind.BIND_ROLE);
        WizardFlows.apply(app);
        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.APPLIED);
        assertNext(true);
    }

    private static void assertNext(boolean enabled) throws Exception {
        app.waitIdle();
        assertThat(app.wizard().canNextProperty().get()).isEqualTo(enabled);
        assertThat(app.<Button>find("#nextButton").isDisabled()).isEqualTo(!enabled);
    }

    private static List<Change.Kind> kinds(ReviewModel review) {
        return review.rows().stream().map(row -> row.change().kind()).toList();
    }
}
