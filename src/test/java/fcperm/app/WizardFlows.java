package fcperm.app;

import fcperm.wizard.steps.permissions.PermissionsModel;
import fcperm.wizard.steps.region.RegionModel;
import fcperm.wizard.steps.review.ReviewModel;
import fcperm.wizard.steps.testfunction.TestFunctionModel;

import java.util.concurrent.TimeoutException;

/** The parts of a walk through the wizard that several GUI tests share, done through the models (fast). */
final class WizardFlows {

    private WizardFlows() {
    }

    /** From Connect to the Role page, for a new service of that name in the sandbox's region. */
    static void toRolePage(RunningApp app, String service) throws TimeoutException {
        app.next();
        RegionModel region = app.step(RegionModel.class);
        app.interact(() -> {
            region.modeProperty().set(RegionModel.Mode.NEW);
            region.newNameProperty().set(service);
        });
        app.next();
    }

    /** On the Permissions page: waits for the lists, then adds the system policy at account scope. */
    static void addSystemPolicy(RunningApp app, String policy) throws TimeoutException {
        PermissionsModel permissions = app.step(PermissionsModel.class);
        app.waitUntil(() -> !permissions.visibleSystemPolicies().isEmpty());
        app.interact(() -> {
            permissions.systemSearchProperty().set(policy);
            permissions.selectedSystemProperty().set(permissions.visibleSystemPolicies().stream()
                    .filter(p -> p.name().equals(policy)).findFirst().orElseThrow());
            permissions.sourceProperty().set(PermissionsModel.Source.SYSTEM);
            permissions.scopeKindProperty().set(PermissionsModel.ScopeKind.ACCOUNT);
            permissions.add();
        });
    }

    /** On the Review page: waits for the plan, presses Apply, waits until it ends (applied or failed). */
    static ReviewModel apply(RunningApp app) throws TimeoutException {
        ReviewModel review = app.step(ReviewModel.class);
        app.waitUntil(() -> review.phaseProperty().get() == ReviewModel.Phase.READY);
        app.robot.clickOn("#applyButton");
        app.waitUntil(() -> review.phaseProperty().get() != ReviewModel.Phase.APPLYING);
        return review;
    }

    /** On the Test page: creates a bucket of that name with the page's button, then presses Test Function. */
    static TestFunctionModel testWithNewBucket(RunningApp app, String bucket) throws TimeoutException {
        TestFunctionModel test = app.step(TestFunctionModel.class);
        app.interact(() -> test.bucketProperty().set(bucket));
        app.robot.clickOn("#createBucketButton");
        app.waitIdle();
        app.robot.clickOn("#testButton");
        app.waitUntil(() -> test.verdictProperty().get() != TestFunctionModel.Verdict.RUNNING);
        return test;
    }
}
