package fcperm.wizard.steps.review;

import fcperm.plan.AuditJournal;
import fcperm.plan.ListStep;
import fcperm.plan.Plan;
import fcperm.plan.PlanRun;
import fcperm.plan.PlanStep;
import fcperm.plan.RoleChoice;
import fcperm.plan.ServiceChoice;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.RecordingDialogService;
import fcperm.wizard.common.SameThreadUiExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The Review & apply page's model, without a window: plan, apply, failure, retry, roll back. */
class ReviewModelTest {

    @TempDir
    Path home;

    private final List<String> world = new ArrayList<>();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final WizardDraft draft = new WizardDraft();
    private List<PlanStep> steps;
    private int plannings;
    private ReviewModel model;

    @BeforeEach
    void setUp() {
        draft.setService(new ServiceChoice.NewService("cn-hangzhou", "orders"));
        draft.setRole(new RoleChoice.NewRole("orders-role", "", "{}"));
        draft.setGrants(List.of());
        model = new ReviewModel((session, request) -> {
            plannings++;
            return new PlanRun(new Plan(steps), new AuditJournal(home.resolve("audit.jsonl")),
                    new PlanRun.Actor("sandbox", "1"));
        }, new SameThreadUiExecutor(dialogs), dialogs, i18n);
    }

    @Test
    void showsThePlanAndAllowsNextOnlyOnceApplied() {
        steps = List.of(new ListStep("a", world), new ListStep("b", world));
        model.enter(draft);

        assertThat(model.phaseProperty().get()).isEqualTo(ReviewModel.Phase.READY);
        assertThat(model.rows()).extracting(row -> row.change().subjects().get(0)).containsExactly("a", "b");
        assertThat(model.validProperty().get()).isFalse();
        assertThat(world).isEmpty();

        model.apply();

        assertThat(model.phaseProperty().get()).isEqualTo(ReviewModel.Phase.APPLIED);
        assertThat(model.rows()).extracting(row -> row.requestIdProperty().get()).containsExactly("req-apply-a", "req-apply-b");
        assertThat(model.validProperty().get()).isTrue();
        assertThat(world).containsExactly("a", "b");
    }

    @Test
    void aPlanWithNothingToChangeMayBeSkipped() {
        steps = List.of();
        model.enter(draft);
        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.canApplyProperty().get()).isFalse();
    }

    @Test
    void aFailureStopsAndOffersRetryAndRollBack() {
        ListStep b = new ListStep("b", world);
        b.failApply = true;
        steps = List.of(new ListStep("a", world), b, new ListStep("c", world));
        model.enter(draft);

        model.apply();

        assertThat(model.phaseProperty().get()).isEqualTo(ReviewModel.Phase.FAILED);
        assertThat(model.problemProperty().get()).startsWith("Step 2 failed").contains("Retry").contains("Roll back");
        assertThat(model.canRetryProperty().get()).isTrue();
        assertThat(model.canRollBackProperty().get()).isTrue();
        assertThat(model.validProperty().get()).isFalse();

        b.failApply = false;
        model.retry();
        assertThat(model.phaseProperty().get()).isEqualTo(ReviewModel.Phase.APPLIED);
        assertThat(world).containsExactly("a", "b", "c");
    }

    @Test
    void rollBackUndoesWhatWasApplied() {
        ListStep b = new ListStep("b", world);
        b.failApply = true;
        steps = List.of(new ListStep("a", world), b);
        model.enter(draft);
        model.apply();

        model.rollBack();

        assertThat(model.phaseProperty().get()).isEqualTo(ReviewModel.Phase.ROLLED_BACK);
        assertThat(world).isEmpty();
        assertThat(model.rows()).extracting(row -> row.stateProperty().get())
                .containsExactly(PlanRun.State.UNDONE, PlanRun.State.PENDING);
        assertThat(model.canRollBackProperty().get()).isFalse();
    }

    @Test
    void plansAgainOnlyWhenAnEarlierPageChangedSomething() {
        steps = List.of(new ListStep("a", world));
        model.enter(draft);
        model.apply();
        model.enter(draft);
        assertThat(plannings).isEqualTo(1);
        assertThat(model.phaseProperty().get()).isEqualTo(ReviewModel.Phase.APPLIED);

        draft.setRole(new RoleChoice.ExistingRole("other", "acs:ram::1:role/other", false));
        model.enter(draft);
        assertThat(plannings).isEqualTo(2);
        assertThat(model.phaseProperty().get()).isEqualTo(ReviewModel.Phase.READY);
        assertThat(dialogs.failures).isEmpty();
    }

    @Test
    void rollBackAsksFirstAndDoesNothingWhenDeclined() {
        steps = List.of(new ListStep("a", world));
        model.enter(draft);
        model.apply();
        dialogs.answer = false;

        model.rollBack();

        assertThat(dialogs.questions).singleElement().asString().startsWith("Undo the change made in this session?");
        assertThat(world).containsExactly("a");
        assertThat(model.phaseProperty().get()).isEqualTo(ReviewModel.Phase.APPLIED);
    }

    @Test
    void retryAfterAFailedUndoUndoesAgainAndNeverAppliesForward() {
        ListStep a = new ListStep("a", world);
        a.failUndo = true;
        steps = List.of(a, new ListStep("b", world));
        model.enter(draft);
        model.apply();

        model.rollBack();
        assertThat(model.phaseProperty().get()).isEqualTo(ReviewModel.Phase.UNDO_FAILED);
        assertThat(model.problemProperty().get()).startsWith("Undoing step 1 failed").contains("try this undo again");
        assertThat(model.canRollBackProperty().get()).isTrue();
        assertThat(world).containsExactly("a");

        a.failUndo = false;
        model.retry();

        assertThat(model.phaseProperty().get()).isEqualTo(ReviewModel.Phase.ROLLED_BACK);
        assertThat(world).isEmpty();
        assertThat(model.rows()).extracting(row -> row.stateProperty().get())
                .containsExactly(PlanRun.State.UNDONE, PlanRun.State.UNDONE);
    }
}
