package fcperm.wizard.steps.review;

import fcperm.cloud.CloudSession;
import fcperm.plan.Change;
import fcperm.plan.PlanRequest;
import fcperm.plan.PlanRun;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.WizardStep;
import fcperm.wizard.common.DialogService;
import fcperm.wizard.common.FailureText;
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

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;

/**
 * Review & apply: the plan as a list of concrete changes; Apply runs them in the background with per-step progress
 * and cancel; a failure stops and offers Retry (from the failed step) and Roll back. Roll back asks first, then
 * undoes everything the run made, last first — the Test page's probe, its object and (if the user agrees) its
 * bucket included; when an undo fails, Retry tries that undo again. Next is allowed once everything is applied — or
 * when there is nothing to change.
 */
public final class ReviewModel implements WizardStep {

    /** Makes the plan for what the user asked, checked against the cloud as it is now. */
    @FunctionalInterface
    public interface Planning {
        PlanRun prepare(CloudSession session, PlanRequest request) throws Exception;
    }

    public enum Phase {
        PLANNING, READY, APPLYING, APPLIED, FAILED, CANCELLED, ROLLING_BACK, ROLLED_BACK, UNDO_FAILED
    }

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
    /* What the user chose to keep when rolling back (a bucket); a retried undo keeps the same. */
    private Predicate<Change> kept = change -> false;

    public ReviewModel(Planning planning, UiExecutor executor, DialogService dialogs, I18n i18n) {
        this.planning = planning;
        this.executor = executor;
        this.dialogs = dialogs;
        this.i18n = i18n;
        canApply = Bindings.createBooleanBinding(
                () -> (phase.get() == Phase.READY || phase.get() == Phase.CANCELLED) && !rows.isEmpty(), phase, rows);
        canRetry = phase.isEqualTo(Phase.FAILED).or(phase.isEqualTo(Phase.UNDO_FAILED));
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
            showAddedSteps();
            return;
        }
        plan(draft);
    }

    /**
     * Hands the run on when moving to the Test page: the applied one, or — when nothing needed to change — the empty
     * one, so that what the Test page makes still joins a run that Roll back undoes.
     */
    @Override
    public void leave(WizardDraft draft) {
        if (run != null && valid.get()) {
            draft.runProperty().set(run);
        }
    }

    /** Rows for the changes the Test page added to the run since the page was last shown. */
    private void showAddedSteps() {
        List<Change> changes = run.changes();
        for (int i = rows.size(); i < changes.size(); i++) {
            PlanRow row = new PlanRow(changes.get(i));
            row.update(run.state(i), null);
            rows.add(row);
        }
        setPhase(phase.get());
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
            rows.setAll(prepared.changes().stream().map(PlanRow::new).toList());
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

    /**
     * After a failure: plans again if planning failed, tries the failed undo again if a roll-back stopped, otherwise
     * continues from the step that failed.
     */
    public void retry() {
        if (!canRetry.get()) {
            return;
        }
        if (run == null) {
            plan(plannedFor);
        } else if (phase.get() == Phase.UNDO_FAILED) {
            undo();
        } else {
            apply();
        }
    }

    /**
     * Asks, then undoes every applied step, last first. A bucket the Test page created is deleted only if the user
     * agrees to that too (with the objects the probe wrote in it); otherwise it and they are kept.
     */
    public void rollBack() {
        if (run == null || !rollBackPossible.get() || isRunning()) {
            return;
        }
        showAddedSteps();
        long toUndo = rows.stream().filter(row -> row.stateProperty().get() == PlanRun.State.APPLIED
                || row.stateProperty().get() == PlanRun.State.UNDO_FAILED).count();
        if (!dialogs.confirm(i18n.text("review.rollBack.title"), i18n.text("review.rollBack.question", toUndo),
                i18n.text("review.rollBack.confirm"))) {
            return;
        }
        Set<String> keptBuckets = new HashSet<>();
        for (PlanRow row : rows) {
            Change change = row.change();
            if (change.kind() == Change.Kind.CREATE_BUCKET && row.stateProperty().get() == PlanRun.State.APPLIED
                    && !dialogs.confirm(i18n.text("review.rollBack.title"),
                    i18n.text("review.rollBack.bucket", change.subjects().get(0)),
                    i18n.text("review.rollBack.deleteBucket"))) {
                keptBuckets.add(change.subjects().get(0));
            }
        }
        kept = change -> (change.kind() == Change.Kind.CREATE_BUCKET && keptBuckets.contains(change.subjects().get(0)))
                || (change.kind() == Change.Kind.PROBE_OBJECT && keptBuckets.contains(change.subjects().get(1)));
        undo();
    }

    private void undo() {
        PlanRun current = run;
        Predicate<Change> keep = kept;
        problem.set("");
        setPhase(Phase.ROLLING_BACK);
        executor.submit(i18n.text("review.task.rollBack"), context -> current.rollBack(
                (step, state, requestId) -> context.onUi(() -> rows.get(step).update(state, requestId)),
                context::isCancelled, keep), outcome -> finished(outcome, Phase.ROLLED_BACK), this::unexpected);
    }

    /** Plans again from scratch, e.g. after a roll-back or when the cloud changed under us. */
    public void replan() {
        if (plannedFor != null && !isRunning()) {
            plan(plannedFor);
        }
    }

    private void finished(PlanRun.Outcome outcome, Phase success) {
        boolean undoing = success == Phase.ROLLED_BACK;
        Phase failed = undoing ? Phase.UNDO_FAILED : Phase.FAILED;
        switch (outcome.status()) {
            case COMPLETED -> {
                if (undoing) {
                    // Nothing of the run is in effect any more: no page may show a result of it as current.
                    plannedFor.runProperty().set(null);
                }
                setPhase(success);
            }
            case CANCELLED -> setPhase(Phase.CANCELLED);
            case FAILED -> {
                String reason = FailureText.of(outcome.failure().orElseThrow(), i18n).reason();
                problem.set(i18n.text(undoing ? "review.problem.undo" : "review.problem.step",
                        outcome.failedStep() + 1, reason));
                setPhase(failed);
            }
            case NOT_JOURNALED -> {
                problem.set(i18n.text("review.problem.journal", outcome.failedStep() + 1,
                        FailureText.of(outcome.failure().orElseThrow(), i18n).reason()));
                setPhase(failed);
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
