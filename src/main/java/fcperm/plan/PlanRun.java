package fcperm.plan;

import fcperm.cloud.CloudException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Applies a plan step by step and remembers how far it got. A failure stops the run; {@link #apply} again retries
 * from the failed step; {@link #rollBack} undoes the applied steps in reverse order, and again retries the undo
 * that failed. Steps made after the plan — the Test page's probe, a bucket — join the run ({@link #applyAdded}), so a
 * roll-back undoes them too. Cancelling stops between steps (a cloud call already sent is not torn in half). Every
 * step applied or undone, and every failure, is written to the audit journal.
 */
public final class PlanRun {

    public enum State { PENDING, RUNNING, APPLIED, FAILED, UNDOING, UNDONE, UNDO_FAILED, KEPT }

    /**
     * How a run or roll-back ended. {@code NOT_JOURNALED}: the step took effect but its journal line could not be
     * written; the run stops there and writes the line first when it goes on.
     */
    public enum Status { COMPLETED, FAILED, CANCELLED, NOT_JOURNALED }

    /** How a run or a roll-back ended; for a failure, which step and why. */
    public record Outcome(Status status, int failedStep, Optional<Exception> failure) {
        static Outcome completed() {
            return new Outcome(Status.COMPLETED, -1, Optional.empty());
        }

        static Outcome cancelled() {
            return new Outcome(Status.CANCELLED, -1, Optional.empty());
        }

        static Outcome failed(int step, Exception failure) {
            return new Outcome(Status.FAILED, step, Optional.of(failure));
        }

        static Outcome notJournaled(int step, Exception failure) {
            return new Outcome(Status.NOT_JOURNALED, step, Optional.of(failure));
        }
    }

    /** Told about every state change, on the thread that runs the plan. */
    @FunctionalInterface
    public interface Listener {
        void changed(int step, State state, String requestId);
    }

    /** Who is changing what: named in each journal line. */
    public record Actor(String connection, String account) {
    }

    private final Plan plan;
    private final AuditJournal journal;
    private final Actor actor;
    /* The plan's steps, then the ones added after it, in the order they were made. */
    private final List<PlanStep> steps;
    private final List<State> states;
    /* Journal lines not written yet because the journal failed; written first on the next write. */
    private final List<AuditJournal.Entry> unwritten = new ArrayList<>();
    /* Steps that failed in a way that leaves open whether the change happened (an answer lost, a server error).
       Once open it stays open until the step is applied or undone: a later "already exists" may be the very change
       whose answer got lost. */
    private final Set<Integer> maybeTookEffect = new HashSet<>();
    /* Steps refused because their name was taken before anything of ours could be there: what is there is someone
       else's, and a later lost answer cannot make it ours (creating a taken name always fails). */
    private final Set<Integer> takenByOthers = new HashSet<>();

    public PlanRun(Plan plan, AuditJournal journal, Actor actor) {
        this.plan = plan;
        this.journal = journal;
        this.actor = actor;
        this.steps = new ArrayList<>(plan.steps());
        this.states = new ArrayList<>(plan.steps().stream().map(step -> State.PENDING).toList());
    }

    public Plan plan() {
        return plan;
    }

    /** The plan's changes, then those added after it. */
    public synchronized List<Change> changes() {
        return steps.stream().map(PlanStep::change).toList();
    }

    public synchronized State state(int step) {
        return states.get(step);
    }

    public synchronized List<State> states() {
        return List.copyOf(states);
    }

    /** True when some step has been applied and not undone: there is something to roll back. */
    public synchronized boolean hasAppliedSteps() {
        return states.contains(State.APPLIED) || states.contains(State.UNDO_FAILED);
    }

    /** True when every step of the plan is applied (steps added later do not count). */
    public synchronized boolean isComplete() {
        return states.subList(0, plan.steps().size()).stream().allMatch(state -> state == State.APPLIED);
    }

    /** True when a step with this change is applied (e.g. the probe was already created in this run). */
    public synchronized boolean hasApplied(Change change) {
        for (int i = 0; i < steps.size(); i++) {
            if (states.get(i) == State.APPLIED && steps.get(i).change().equals(change)) {
                return true;
            }
        }
        return false;
    }

    /** Applies every step of the plan not yet applied, in order; stops at the first failure or when cancelled. */
    public Outcome apply(Listener listener, BooleanSupplier cancelled) {
        Optional<RuntimeException> journalStuck = writeUnwritten();
        if (journalStuck.isPresent()) {
            return Outcome.notJournaled(-1, journalStuck.get());
        }
        for (int i = 0; i < plan.steps().size(); i++) {
            if (state(i) == State.APPLIED) {
                continue;
            }
            if (cancelled.getAsBoolean()) {
                return Outcome.cancelled();
            }
            Outcome outcome = applyStep(i, listener);
            if (outcome.status() != Status.COMPLETED) {
                return outcome;
            }
        }
        return Outcome.completed();
    }

    /**
     * Adds a step made after the plan (the Test page deploys the probe, creates a bucket) and applies it, so that
     * a roll-back undoes it with the rest. A step that fails is still part of the run: a lost answer may have made
     * it.
     */
    public Outcome applyAdded(PlanStep step, Listener listener) {
        Optional<RuntimeException> journalStuck = writeUnwritten();
        if (journalStuck.isPresent()) {
            return Outcome.notJournaled(-1, journalStuck.get());
        }
        return applyStep(add(step, State.PENDING), listener);
    }

    /**
     * Records a change made on the run's behalf by someone else — the probe writes its object as the service's
     * role — so that a roll-back undoes it; nothing is called.
     */
    public Outcome recordAdded(PlanStep step, String requestId) {
        int index = add(step, State.APPLIED);
        return record(step.change().operation(), step, requestId, "applied")
                .map(failure -> Outcome.notJournaled(index, failure)).orElseGet(Outcome::completed);
    }

    private synchronized int add(PlanStep step, State state) {
        steps.add(step);
        states.add(state);
        return steps.size() - 1;
    }

    private Outcome applyStep(int index, Listener listener) {
        PlanStep step = step(index);
        set(index, State.RUNNING, null, listener);
        String requestId;
        try {
            requestId = step.apply();
        } catch (Exception failure) {
            rememberFailure(index, failure);
            set(index, State.FAILED, requestIdOf(failure), listener);
            record(step.change().operation(), step, requestIdOf(failure), "failed: " + codeOf(failure))
                    .ifPresent(failure::addSuppressed);
            return Outcome.failed(index, failure);
        }
        forgetFailure(index);
        set(index, State.APPLIED, requestId, listener);
        return record(step.change().operation(), step, requestId, "applied")
                .map(failure -> Outcome.notJournaled(index, failure)).orElseGet(Outcome::completed);
    }

    /** Undoes every applied step, last first; see {@link #rollBack(Listener, BooleanSupplier, Predicate)}. */
    public Outcome rollBack(Listener listener, BooleanSupplier cancelled) {
        return rollBack(listener, cancelled, change -> false);
    }

    /**
     * Undoes the applied steps, last first, except those {@code keep} names (marked {@link State#KEPT}, e.g. a
     * bucket the user chose to keep); stops at the first step that cannot be undone, and again starts with it. A
     * step that failed may still have taken effect when its answer was lost, so such a step is undone too when
     * there is something to undo. A step the cloud refused (or that never reached it) is left alone: what is there
     * under its name is not the app's to delete. A step whose undo finds its subject gone counts as undone.
     */
    public Outcome rollBack(Listener listener, BooleanSupplier cancelled, Predicate<Change> keep) {
        Optional<RuntimeException> journalStuck = writeUnwritten();
        if (journalStuck.isPresent()) {
            return Outcome.notJournaled(-1, journalStuck.get());
        }
        for (int i = stepCount() - 1; i >= 0; i--) {
            State state = state(i);
            PlanStep step = step(i);
            if (state == State.FAILED) {
                if (isUncertain(i)) {
                    undoIfTakenEffect(i, step, listener);
                } else {
                    set(i, State.PENDING, null, listener);
                }
                continue;
            }
            if (state != State.APPLIED && state != State.UNDO_FAILED) {
                continue;
            }
            if (keep.test(step.change())) {
                set(i, State.KEPT, null, listener);
                continue;
            }
            if (cancelled.getAsBoolean()) {
                return Outcome.cancelled();
            }
            Outcome outcome = undoStep(i, step, listener);
            if (outcome.status() != Status.COMPLETED) {
                return outcome;
            }
        }
        return Outcome.completed();
    }

    private Outcome undoStep(int index, PlanStep step, Listener listener) {
        set(index, State.UNDOING, null, listener);
        String requestId;
        String outcome = "undone";
        try {
            requestId = step.undo();
        } catch (CloudException gone) {
            if (!isAbsence(gone)) {
                return undoFailed(index, step, gone, listener);
            }
            // Someone removed it already: what the undo was to achieve is true.
            requestId = gone.requestId().orElse(null);
            outcome = "undone: already gone (" + gone.code() + ")";
        } catch (Exception failure) {
            return undoFailed(index, step, failure, listener);
        }
        set(index, State.UNDONE, requestId, listener);
        return record(step.change().undoOperation(), step, requestId, outcome)
                .map(failure -> Outcome.notJournaled(index, failure)).orElseGet(Outcome::completed);
    }

    private Outcome undoFailed(int index, PlanStep step, Exception failure, Listener listener) {
        set(index, State.UNDO_FAILED, requestIdOf(failure), listener);
        record(step.change().undoOperation(), step, requestIdOf(failure), "failed: " + codeOf(failure))
                .ifPresent(failure::addSuppressed);
        return Outcome.failed(index, failure);
    }

    private void undoIfTakenEffect(int index, PlanStep step, Listener listener) {
        try {
            String requestId = step.undo();
            record(step.change().undoOperation(), step, requestId, "undone");
        } catch (CloudException absent) {
            if (!isAbsence(absent)) {
                // It is not there to undo, or it cannot be undone now: either way the run goes on with the others.
                record(step.change().undoOperation(), step, requestIdOf(absent), "failed: " + codeOf(absent));
            }
        } catch (Exception other) {
            record(step.change().undoOperation(), step, null, "failed: " + codeOf(other));
        }
        forgetFailure(index);
        set(index, State.PENDING, null, listener);
    }

    private synchronized int stepCount() {
        return steps.size();
    }

    private synchronized PlanStep step(int index) {
        return steps.get(index);
    }

    private synchronized void rememberFailure(int step, Exception failure) {
        if (!(failure instanceof CloudException cloud) || cloud.mayHaveTakenEffect()) {
            if (!takenByOthers.contains(step)) {
                maybeTookEffect.add(step);
            }
        } else if (cloud.code().contains("AlreadyExist") && !maybeTookEffect.contains(step)) {
            takenByOthers.add(step);
        }
    }

    private synchronized boolean isUncertain(int step) {
        return maybeTookEffect.contains(step);
    }

    private synchronized void forgetFailure(int step) {
        maybeTookEffect.remove(step);
        takenByOthers.remove(step);
    }

    /** The cloud's way of saying "there is no such thing": the change never took effect. */
    private static boolean isAbsence(CloudException failure) {
        String code = failure.code();
        return code.startsWith("EntityNotExist") || code.endsWith("NotFound") || code.startsWith("NoSuch")
                || code.equals(CloudException.NOT_FOUND);
    }

    private void set(int step, State state, String requestId, Listener listener) {
        synchronized (this) {
            states.set(step, state);
        }
        listener.changed(step, state, requestId);
    }

    /**
     * Queues the journal line and writes every queued line. A journal that cannot be written is returned, not
     * thrown: the step's state is already set, so the run never stays RUNNING for a change that took effect.
     */
    private synchronized Optional<RuntimeException> record(String operation, PlanStep step, String requestId,
                                                           String outcome) {
        unwritten.add(AuditJournal.Entry.now(actor.connection(), actor.account(), operation,
                step.change().target(), requestId, outcome));
        return writeUnwritten();
    }

    private synchronized Optional<RuntimeException> writeUnwritten() {
        try {
            while (!unwritten.isEmpty()) {
                journal.append(unwritten.get(0));
                unwritten.remove(0);
            }
            return Optional.empty();
        } catch (RuntimeException failure) {
            return Optional.of(failure);
        }
    }

    /** Cloud failures carry a request id; anything else has none. */
    private static String requestIdOf(Exception failure) {
        return failure instanceof CloudException cloud ? cloud.requestId().orElse(null) : null;
    }

    private static String codeOf(Exception failure) {
        return failure instanceof CloudException cloud ? cloud.code() : failure.getClass().getSimpleName();
    }
}
