package fcperm.plan;

import fcperm.cloud.CloudException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanRunTest {

    @TempDir
    Path home;

    private final List<String> world = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final PlanRun.Listener listener = (step, state, requestId) -> events.add(step + " " + state);

    private PlanRun runOf(AuditJournal journal, PlanStep... steps) {
        return new PlanRun(new Plan(List.of(steps)), journal, new PlanRun.Actor("sandbox", "1234567890"));
    }

    @Test
    void appliesEveryStepInOrderAndJournalsEach() {
        AuditJournal journal = new AuditJournal(home.resolve("audit.jsonl"));
        PlanRun run = runOf(journal, new ListStep("a", world), new ListStep("b", world));

        PlanRun.Outcome outcome = run.apply(listener, () -> false);

        assertThat(outcome.status()).isEqualTo(PlanRun.Status.COMPLETED);
        assertThat(world).containsExactly("a", "b");
        assertThat(run.isComplete()).isTrue();
        assertThat(events).containsExactly("0 RUNNING", "0 APPLIED", "1 RUNNING", "1 APPLIED");
        assertThat(journal.entries()).extracting(AuditJournal.Entry::requestId)
                .containsExactly("req-apply-a", "req-apply-b");
        assertThat(journal.entries().get(0)).satisfies(entry -> {
            assertThat(entry.connection()).isEqualTo("sandbox");
            assertThat(entry.account()).isEqualTo("1234567890");
            assertThat(entry.operation()).isEqualTo("CreateRole");
            assertThat(entry.target()).isEqualTo("a");
            assertThat(entry.outcome()).isEqualTo("applied");
        });
    }

    @Test
    void stopsAtTheFirstFailureAndRetryContinuesFromThere() {
        AuditJournal journal = new AuditJournal(home.resolve("audit.jsonl"));
        ListStep b = new ListStep("b", world);
        b.failApply = true;
        PlanRun run = runOf(journal, new ListStep("a", world), b, new ListStep("c", world));

        PlanRun.Outcome failed = run.apply(listener, () -> false);
        assertThat(failed.status()).isEqualTo(PlanRun.Status.FAILED);
        assertThat(failed.failedStep()).isEqualTo(1);
        assertThat(world).containsExactly("a");
        assertThat(run.states()).containsExactly(PlanRun.State.APPLIED, PlanRun.State.FAILED, PlanRun.State.PENDING);
        assertThat(journal.entries()).extracting(AuditJournal.Entry::outcome)
                .containsExactly("applied", "failed: IllegalStateException");

        b.failApply = false;
        PlanRun.Outcome retried = run.apply(listener, () -> false);
        assertThat(retried.status()).isEqualTo(PlanRun.Status.COMPLETED);
        assertThat(world).containsExactly("a", "b", "c");
    }

    @Test
    void rollBackUndoesTheAppliedStepsInReverseOrder() {
        AuditJournal journal = new AuditJournal(home.resolve("audit.jsonl"));
        ListStep c = new ListStep("c", world);
        c.failApply = true;
        PlanRun run = runOf(journal, new ListStep("a", world), new ListStep("b", world), c);
        run.apply(listener, () -> false);
        events.clear();

        PlanRun.Outcome outcome = run.rollBack(listener, () -> false);

        assertThat(outcome.status()).isEqualTo(PlanRun.Status.COMPLETED);
        assertThat(world).isEmpty();
        assertThat(events).containsExactly("2 PENDING", "1 UNDOING", "1 UNDONE", "0 UNDOING", "0 UNDONE");
        assertThat(run.hasAppliedSteps()).isFalse();
        assertThat(journal.entries()).extracting(AuditJournal.Entry::operation)
                .containsExactly("CreateRole", "CreateRole", "CreateRole", "DeleteRole", "DeleteRole");
    }

    @Test
    void rollBackAlsoUndoesAFailedStepThatTookEffect() {
        AuditJournal journal = new AuditJournal(home.resolve("audit.jsonl"));
        ListStep b = new ListStep("b", world);
        b.loseAnswer = true;
        PlanRun run = runOf(journal, new ListStep("a", world), b);
        assertThat(run.apply(listener, () -> false).status()).isEqualTo(PlanRun.Status.FAILED);
        assertThat(world).containsExactly("a", "b");

        assertThat(run.rollBack(listener, () -> false).status()).isEqualTo(PlanRun.Status.COMPLETED);

        assertThat(world).isEmpty();
        assertThat(run.states()).containsExactly(PlanRun.State.UNDONE, PlanRun.State.PENDING);
    }

    @Test
    void rollBackLeavesAloneWhatTheCloudRefusedToCreate() throws Exception {
        AuditJournal journal = new AuditJournal(home.resolve("audit.jsonl"));
        world.add("b");  // someone else's
        PlanRun run = runOf(journal, new ListStep("a", world), new ListStep("b", world));
        assertThat(run.apply(listener, () -> false).status()).isEqualTo(PlanRun.Status.FAILED);

        assertThat(run.rollBack(listener, () -> false).status()).isEqualTo(PlanRun.Status.COMPLETED);

        assertThat(world).containsExactly("b");
        assertThat(run.states()).containsExactly(PlanRun.State.UNDONE, PlanRun.State.PENDING);
        assertThat(journal.entries()).extracting(AuditJournal.Entry::outcome)
                .containsExactly("applied", "failed: EntityAlreadyExists.Role", "undone");
    }

    @Test
    void aRefusalAfterALostAnswerIsStillUndone() throws Exception {
        AuditJournal journal = new AuditJournal(home.resolve("audit.jsonl"));
        ListStep b = new ListStep("b", world);
        b.loseAnswer = true;
        PlanRun run = runOf(journal, b);
        run.apply(listener, () -> false);
        b.loseAnswer = false;
        // The retry is refused because the lost first attempt did create it: it is ours all the same.
        assertThat(run.apply(listener, () -> false).failure()).get()
                .extracting(failure -> ((CloudException) failure).code()).isEqualTo("EntityAlreadyExists.Role");

        run.rollBack(listener, () -> false);

        assertThat(world).isEmpty();
    }

    @Test
    void aLostAnswerAfterTheNameWasTakenDoesNotMakeItOurs() throws Exception {
        AuditJournal journal = new AuditJournal(home.resolve("audit.jsonl"));
        world.add("b");  // someone else's
        ListStep b = new ListStep("b", world);
        PlanRun run = runOf(journal, b);
        run.apply(listener, () -> false);
        b.failApply = true;  // now the answer is lost: with the name taken, the cloud could only have refused
        run.apply(listener, () -> false);

        run.rollBack(listener, () -> false);

        assertThat(world).containsExactly("b");
    }

    @Test
    void aStepThatCannotBeUndoneStopsTheRollBackAndCanBeRetried() {
        AuditJournal journal = new AuditJournal(home.resolve("audit.jsonl"));
        ListStep a = new ListStep("a", world);
        a.failUndo = true;
        PlanRun run = runOf(journal, a, new ListStep("b", world));
        run.apply(listener, () -> false);

        PlanRun.Outcome outcome = run.rollBack(listener, () -> false);
        assertThat(outcome.status()).isEqualTo(PlanRun.Status.FAILED);
        assertThat(run.states()).containsExactly(PlanRun.State.UNDO_FAILED, PlanRun.State.UNDONE);
        assertThat(run.hasAppliedSteps()).isTrue();

        a.failUndo = false;
        assertThat(run.rollBack(listener, () -> false).status()).isEqualTo(PlanRun.Status.COMPLETED);
        assertThat(world).isEmpty();
    }

    @Test
    void cancellingStopsBetweenSteps() {
        AuditJournal journal = new AuditJournal(home.resolve("audit.jsonl"));
        PlanRun run = runOf(journal, new ListStep("a", world), new ListStep("b", world));

        PlanRun.Outcome outcome = run.apply(listener, () -> world.size() == 1);

        assertThat(outcome.status()).isEqualTo(PlanRun.Status.CANCELLED);
        assertThat(world).containsExactly("a");
        assertThat(run.states()).containsExactly(PlanRun.State.APPLIED, PlanRun.State.PENDING);
    }
}
