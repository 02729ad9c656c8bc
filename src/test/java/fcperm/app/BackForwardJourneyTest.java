package fcperm.app;

import fcperm.plan.Plan;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.steps.region.RegionModel;
import fcperm.wizard.steps.review.ReviewModel;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.robot.BaseRobot;

import java.util.Locale;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Back and forward across every page, with Next checked on each: Next is enabled exactly when the page is valid
 * (the button and the model agree), comes back without editing after Back, never acts on an invalid page, a double
 * click does not skip a page, and a change made after applying is said on every page and drops the plan.
 */
class BackForwardJourneyTest {

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);

    @Test
    void nextFollowsEveryPageBackAndForward() throws Exception {
        WizardDraft draft = app.wizard().draft();
        assertNext(true);
        app.next();

        // Region: the sandbox has no services yet; the page says where to make one.
        RegionModel region = app.step(RegionModel.class);
        assertThat(app.<Label>find("#listStatus").getText()).contains("No services", "Create a new service");
        assertNext(false);
        app.robot.clickOn("#newMode").clickOn("#newName").write("9lives");
        assertNext(false);
        app.interact(() -> region.newNameProperty().set("journey"));
        assertNext(true);
        app.next();

        // Role: the suggested new role is valid; "existing" with nothing selected is not, and Next does nothing.
        assertPage("role");
        assertNext(true);
        app.robot.clickOn("#existingMode");
        app.waitIdle();
        assertNext(false);
        assertThat(draft.role()).isEmpty();
        app.interact(() -> app.wizard().next());
        assertPage("role");
        app.robot.clickOn("#createMode");
        assertNext(true);
        app.next();

        // Permissions: nothing granted yet is not a valid page.
        assertPage("permissions");
        assertNext(false);
        WizardFlows.addSystemPolicy(app, "AliyunOSSReadOnlyAccess");
        assertNext(true);
        app.next();

        // Review: not valid until applied.
        ReviewModel review = app.step(ReviewModel.class);
        app.waitUntil(() -> review.phaseProperty().get() == ReviewModel.Phase.READY);
        assertNext(false);
        Plan plan = draft.planProperty().get();
        assertThat(plan).isNotNull();

        // Back to Region, each page valid again as it was left, without touching a field.
        for (String page : new String[]{"permissions", "role", "region"}) {
            app.back();
            assertPage(page);
            assertNext(true);
        }
        // A double click on Next moves one page. The four mouse events go in at once, as a person's double click
        // does, however long the first press takes to handle (a robot's doubleClickOn waits in between).
        app.robot.sleep(700);
        app.robot.moveTo("#nextButton");
        BaseRobot mouse = app.robot.robotContext().getBaseRobot();
        for (int click = 0; click < 2; click++) {
            mouse.pressMouse(MouseButton.PRIMARY);
            mouse.releaseMouse(MouseButton.PRIMARY);
        }
        app.waitIdle();
        assertPage("role");
        app.robot.sleep(700);
        app.next();
        app.next();
        assertPage("review");
        assertThat(draft.planProperty().get()).as("nothing changed, so the plan stands").isSameAs(plan);

        WizardFlows.apply(app);
        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.APPLIED);
        assertNext(true);
        assertThat(app.<Node>find("#changedNote").isVisible()).isFalse();

        // A change upstream after applying: said on every page, and the plan is gone.
        app.robot.clickOn("#step-role");
        app.waitIdle();
        app.robot.clickOn("#roleName").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("journey-other-role");
        assertThat(app.<TextField>find("#roleName").getText()).isEqualTo("journey-other-role");
        assertNext(true);
        assertThat(draft.planProperty().get()).isNull();
        assertThat(draft.runMatchesDraftProperty().get()).isFalse();
        assertThat(app.<Node>find("#changedNote").isVisible()).isTrue();
        app.next();
        assertThat(app.<Node>find("#changedNote").isVisible()).isTrue();
    }

    /** The model and the button say the same, and what they say is expected. */
    private static void assertNext(boolean enabled) throws TimeoutException {
        app.waitIdle();
        assertThat(app.wizard().canNextProperty().get()).as("Next on " + page()).isEqualTo(enabled);
        assertThat(app.<Button>find("#nextButton").isDisabled()).isEqualTo(!enabled);
    }

    private static void assertPage(String id) {
        assertThat(page()).isEqualTo(id);
    }

    private static String page() {
        return app.wizard().currentProperty().get().id();
    }
}
