package fcperm.plan;

import fcperm.cloud.CloudException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Applies a plan step by step and remembers how far it got. A failure stops the run; {@link #apply} again retries
 * from the failed step; {@link #rollBack} undoes the applied steps in reverse order. Cancelling stops between
 * steps (a cloud call already sent is not torn in half). Every step applied or undone, and every failure, is
 * written to the audit journal.
 */
public final class PlanRun {

    public enum State { PENDING, RUNNING, APPLIED, FAILED, UNDOING, UNDONE, UNDO_FAILED }

    public enum Status { COMPLETED, FAILED, CANCELLED }

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
    private final List<State> states;
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
        this.states = new ArrayList<>(plan.steps().stream().map(step -> State.PENDING).toList());
    }

    public Plan plan() {
        return plan;
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

    public synchronized boolean isComplete() {
        return states.stream().allMatch(state -> state == State.APPLIED);
    }

    /** Applies every step not yet applied, in order; stops at the first failure or when cancelled. */
    public Outcome apply(Listener listener, BooleanSupplier cancelled) {
        List<PlanStep> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (state(i) == State.APPLIED) {
                continue;
            }
            if (cancelled.getAsBoolean()) {
                return Outcome.cancelled();
            }
            PlanStep step = steps.get(i);
            set(i, State.RUNNING, null, listener);
            try {
                String requestId = step.apply();
                record(step.change().operation(), step, requestId, "applied");
                forgetFailure(i);
                set(i, State.APPLIED, requestId, listener);
            } catch (Exception failure) {
                record(step.change().operation(), step, requestIdOf(failure), "failed: " + codeOf(failure));
                rememberFailure(i, failure);
                set(i, State.FAILED, requestIdOf(failure), listener);
                return Outcome.failed(i, failure);
            }
        }
        return Outcome.completed();
    }

    /**
     * Undoes the applied steps, last first; stops at the first step that cannot be undone. A step that failed may
     * still have taken effect when its answer was lost, so such a step is undone too when there is something to
     * undo. A step the cloud refused (or that never reached it) is left alone: what is there under its name is
     * not the app's to delete.
     */
    public Outcome rollBack(Listener listener, BooleanSupplier cancelled) {
        List<PlanStep> steps = plan.steps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            State state = state(i);
            if (state == State.FAILED) {
                if (isUncertain(i)) {
                    undoIfTakenEffect(i, steps.get(i), listener);
                } else {
                    set(i, State.PENDING, null, listener);
                }
                continue;
            }
            if (state != State.APPLIED && state != State.UNDO_FAILED) {
                continue;
            }
            if (cancelled.getAsBoolean()) {
                return Outcome.cancelled();
            }
            PlanStep step = steps.get(i);
            set(i, State.UNDOING, null, listener);
            try {
                String requestId = step.undo();
                record(step.change().undoOperation(), step, requestId, "undone");
                set(i, State.UNDONE, requestId, listener);
            } catch (Exception failure) {
                record(step.change().undoOperation(), step, requestIdOf(failure), "failed: " + codeOf(failure));
                set(i, State.UNDO_FAILED, requestIdOf(failure), listener);
                return Outcome.failed(i, failure);
            }
        }
        return Outcome.completed();
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

    private void record(String operation, PlanStep step, String requestId, String outcome) {
        journal.append(AuditJournal.Entry.now(actor.connection(), actor.account(), operation,
                step.change().target(), requestId, outcome));
    }

    /** Cloud failures carry a request id; anything else has none. */
    private static String requestIdOf(Exception failure) {
        return failure instanceof CloudException cloud ? cloud.requestId().orElse(null) : null;
    }

    private static String codeOf(Exception failure) {
        return failure instanceof CloudException cloud ? cloud.code() : failure.getClass().getSimpleName();
    }
}
