package fcperm.wizard.steps.review;

import fcperm.cloud.CloudSession;
import fcperm.plan.PlanRequest;
import fcperm.plan.PlanRun;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.WizardStep;
import fcperm.wizard.common.DialogService;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.CancellationException;

/**
 * Review & apply: the plan as a list of concrete changes; Apply runs them in the background with per-step progress
 * and cancel; a failure stops and offers Retry (from the failed step) and Roll back (undo the applied steps, last
 * first). Next is allowed once everything is applied — or when there is nothing to change.
 */
public final class ReviewModel implements WizardStep {

    /** Makes the plan for what the user asked, checked against the cloud as it is now. */
    @FunctionalInterface
    public interface Planning {
        PlanRun prepare(CloudSession session, PlanRequest request) throws Exception;
    }

    public enum Phase { PLANNING, READY, APPLYING, APPLIED, FAILED, CANCELLED, ROLLING_BACK, ROLLED_BACK }

    private final Planning planning;
    private final UiExecutor executor;
    private final DialogService dialogs;
    private final I18n i18n;
    /* The extractor makes the list report a row whose state changed, so the list view redraws that row. */
    private final ObservableList<PlanRow> rows = FXCollections.observableArrayList(
            row -> new javafx.beans.Observable[]{row.stateProperty(), row.requestIdProperty()});
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.PLANNING);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper rollBackPossible = new ReadOnlyBooleanWrapper(this, "rollBackPossible");
    private final BooleanBinding canApply;
    private final BooleanBinding canRetry;
    private PlanRun run;
    private WizardDraft plannedFor;

    public ReviewModel(Planning planning, UiExecutor executor, DialogService dialogs, I18n i18n) {
        this.planning = planning;
        this.executor = executor;
        this.dialogs = dialogs;
        this.i18n = i18n;
        canApply = Bindings.createBooleanBinding(
                () -> (phase.get() == Phase.READY || phase.get() == Phase.CANCELLED || phase.get() == Phase.ROLLED_BACK)
                        && !rows.isEmpty(), phase, rows);
        canRetry = phase.isEqualTo(Phase.FAILED);
    }

    @Override
    public String id() {
        return "review";
    }

    @Override
    public String titleKey() {
        return "review.title";
    }

    @Override
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Plans again whenever the earlier pages changed what is asked (the draft's version moves on each change). */
    @Override
    public void enter(WizardDraft draft) {
        if (run != null && draft.version() == plannedVersion && phase.get() != Phase.ROLLED_BACK) {
            return;
        }
        plan(draft);
    }

    private long plannedVersion = -1;

    private void plan(WizardDraft draft) {
        plannedVersion = draft.version();
        plannedFor = draft;
        run = null;
        rows.clear();
        problem.set("");
        setPhase(Phase.PLANNING);
        CloudSession session = draft.session();
        PlanRequest request = draft.planRequest();
        executor.submit(i18n.text("review.task.plan"), context -> planning.prepare(session, request), prepared -> {
            run = prepared;
            draft.planProperty().set(prepared.plan());
            rows.setAll(prepared.plan().preview().stream().map(PlanRow::new).toList());
            setPhase(Phase.READY);
        }, failure -> {
            problem.set(i18n.text("review.problem.plan"));
            setPhase(Phase.FAILED);
            dialogs.showFailure(i18n.text("review.task.plan"), failure);
        });
    }

    /** Applies the plan (or, after a failure, retries from the step that failed). */
    public void apply() {
        if (run == null || !(canApply.get() || canRetry.get())) {
            return;
        }
        PlanRun current = run;
        plannedFor.runProperty().set(current);
        problem.set("");
        setPhase(Phase.APPLYING);
        executor.submit(i18n.text("review.task.apply"), context -> {
            int total = current.plan().steps().size();
            return current.apply((step, state, requestId) -> {
                context.onUi(() -> rows.get(step).update(state, requestId));
                if (state == PlanRun.State.APPLIED) {
                    context.progress(step + 1L, total);
                }
            }, context::isCancelled);
        }, outcome -> finished(outcome, Phase.APPLIED), this::unexpected);
    }

    /** After a failure: plans again if planning failed, otherwise continues from the step that failed. */
    public void retry() {
        if (!canRetry.get()) {
            return;
        }
        if (run == null) {
            plan(plannedFor);
        } else {
            apply();
        }
    }

    /** Undoes every applied step, last first. */
    public void rollBack() {
        if (run == null || !rollBackPossible.get() || isRunning()) {
            return;
        }
        PlanRun current = run;
        problem.set("");
        setPhase(Phase.ROLLING_BACK);
        executor.submit(i18n.text("review.task.rollBack"), context -> current.rollBack(
                (step, state, requestId) -> context.onUi(() -> rows.get(step).update(state, requestId)),
                context::isCancelled), outcome -> finished(outcome, Phase.ROLLED_BACK), this::unexpected);
    }

    /** Plans again from scratch, e.g. after a roll-back or when the cloud changed under us. */
    public void replan() {
        if (plannedFor != null && !isRunning()) {
            plan(plannedFor);
        }
    }

    private void finished(PlanRun.Outcome outcome, Phase success) {
        switch (outcome.status()) {
            case COMPLETED -> setPhase(success);
            case CANCELLED -> setPhase(Phase.CANCELLED);
            case FAILED -> {
                Exception failure = outcome.failure().orElseThrow();
                problem.set(i18n.text("review.problem.step", outcome.failedStep() + 1,
                        fcperm.wizard.common.FailureText.of(failure, i18n).reason()));
                setPhase(Phase.FAILED);
            }
        }
    }

    /** A failure outside any step (a bug, or the journal could not be written): stop and say so. */
    private void unexpected(Throwable failure) {
        if (failure instanceof CancellationException) {
            setPhase(Phase.CANCELLED);
            return;
        }
        setPhase(Phase.FAILED);
        dialogs.showFailure(i18n.text("review.task.apply"), failure);
    }

    private boolean isRunning() {
        return phase.get() == Phase.APPLYING || phase.get() == Phase.ROLLING_BACK || phase.get() == Phase.PLANNING;
    }

    private void setPhase(Phase next) {
        phase.set(next);
        boolean applied = run != null && run.isComplete();
        valid.set(next == Phase.APPLIED || (next == Phase.READY && rows.isEmpty()) || (applied && next != Phase.APPLYING));
        rollBackPossible.set(run != null && run.hasAppliedSteps() && !isRunning());
    }

    public ObservableList<PlanRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    public BooleanBinding canRetryProperty() {
        return canRetry;
    }

    public ReadOnlyBooleanProperty canRollBackProperty() {
        return rollBackPossible.getReadOnlyProperty();
    }
}
