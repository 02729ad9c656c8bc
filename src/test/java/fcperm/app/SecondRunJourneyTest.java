package fcperm.app;

import fcperm.plan.Change;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.steps.permissions.PermissionsModel;
import fcperm.wizard.steps.region.RegionModel;
import fcperm.wizard.steps.review.ReviewModel;
import fcperm.wizard.steps.role.RoleModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second run in one session: after a straight pass (new service, new role, a preset policy), the user goes back
 * and sets up another new service. The lists show what the first run made; the role name typed is someone else's
 * role, which the page says and offers to use (showing what it has); the preset used again reuses the policy made
 * the first time; the plan creates only what is new.
 */
class SecondRunJourneyTest {

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);

    @BeforeAll
    static void someoneElsesRole() throws Exception {
        SandboxWorld world = new SandboxWorld(app.sandbox());
        world.createRoleTrustingFc("shared-role");
        world.ram("AttachPolicyToRole", java.util.Map.of("PolicyType", "System",
                "PolicyName", "AliyunOSSReadOnlyAccess", "RoleName", "shared-role"));
    }

    @Test
    void aSecondServiceReusesWhatExistsAndCreatesOnlyWhatIsNew() throws Exception {
        WizardDraft draft = app.wizard().draft();
        WizardFlows.toRolePage(app, "gallery");
        app.next();
        generatePreset("gallery-photos");
        add();
        app.next();
        ReviewModel review = WizardFlows.apply(app);
        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.APPLIED);
        assertThat(kinds(review)).contains(Change.Kind.CREATE_POLICY);

        // Second run: the Region page lists the service the first run made.
        app.robot.clickOn("#step-region");
        app.waitIdle();
        RegionModel region = app.step(RegionModel.class);
        assertThat(region.visibleServices()).extracting(s -> s.name()).contains("gallery");
        app.interact(() -> region.newNameProperty().set("gallery-two"));
        assertThat(app.<Node>find("#changedNote").isVisible()).as("the applied plan was for gallery").isTrue();
        app.next();

        // Role: the name typed is taken by a role this session did not make.
        RoleModel role = app.step(RoleModel.class);
        app.robot.clickOn("#roleName").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("shared-role");
        assertThat(app.<Label>find("#roleNameProblem").getText()).contains("shared-role", "already exists");
        assertThat(app.wizard().canNextProperty().get()).isFalse();
        app.robot.clickOn("#useTakenButton");
        app.waitIdle();
        assertThat(role.modeProperty().get()).isEqualTo(RoleModel.Mode.EXISTING);
        assertThat(app.<Label>find("#selectedGrants").getText()).contains("shared-role", "AliyunOSSReadOnlyAccess");
        assertThat(app.wizard().canNextProperty().get()).isTrue();
        app.next();

        // Permissions: the preset used again names the policy the first run made, and reuses it.
        PermissionsModel permissions = app.step(PermissionsModel.class);
        assertThat(permissions.attached()).extracting(a -> a.policyName()).contains("AliyunOSSReadOnlyAccess");
        app.interact(() -> List.copyOf(permissions.grants()).forEach(permissions::remove));
        generatePreset("gallery-photos");
        assertThat(app.<Label>find("#presetNote").getText()).contains("fc-oss-write-gallery-photos", "reused");
        add();
        ListView<?> granted = app.find("#grants");
        assertThat(app.robot.from(granted).lookup(".list-cell").queryAll()).extracting(cell ->
                ((javafx.scene.control.ListCell<?>) cell).getText()).filteredOn(text -> text != null)
                .singleElement().satisfies(text -> assertThat(text).contains("fc-oss-write-gallery-photos")
                        .doesNotContain("new custom policy"));
        app.next();

        app.waitUntil(() -> review.phaseProperty().get() == ReviewModel.Phase.READY);
        assertThat(kinds(review)).containsExactly(Change.Kind.CREATE_SERVICE, Change.Kind.ATTACH_POLICY_ACCOUNT,
                Change.Kind.BIND_ROLE);
        WizardFlows.apply(app);
        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.APPLIED);
        assertThat(draft.runMatchesDraftProperty().get()).isTrue();
        assertThat(app.<Node>find("#changedNote").isVisible()).isFalse();
    }

    /** On the Permissions page: generates the "write objects" preset for the bucket. */
    private static void generatePreset(String bucket) throws Exception {
        PermissionsModel permissions = app.step(PermissionsModel.class);
        app.waitUntil(() -> !permissions.visibleSystemPolicies().isEmpty());
        app.interact(() -> {
            permissions.presetKindProperty().set(PermissionsModel.PresetKind.OSS_WRITE);
            permissions.presetFirstProperty().set(bucket);
            permissions.presetSecondProperty().set("");
        });
        app.robot.clickOn("Presets").clickOn("#generateButton");
        app.waitIdle();
    }

    private static void add() throws Exception {
        app.robot.clickOn("#addButton");
        app.waitIdle();
    }

    private static List<Change.Kind> kinds(ReviewModel review) {
        return review.rows().stream().map(row -> row.change().kind()).toList();
    }
}
