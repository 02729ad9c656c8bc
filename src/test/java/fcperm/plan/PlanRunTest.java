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

    @Test
    void aJournalThatFailsAfterTheCallLeavesTheStepAppliedAndStopsUntilTheLineIsWritten() throws Exception {
        Path folder = home.resolve("journal");
        AuditJournal journal = new AuditJournal(folder.resolve("audit.jsonl"));
        ListStep a = new ListStep("a", world);
        // The journal's folder goes away between the cloud's answer and the journal line.
        a.afterApply = () -> blockFolder(folder);
        PlanRun run = runOf(journal, a, new ListStep("b", world));

        PlanRun.Outcome outcome = run.apply(listener, () -> false);

        assertThat(outcome.status()).isEqualTo(PlanRun.Status.NOT_JOURNALED);
        assertThat(outcome.failedStep()).isZero();
        assertThat(run.states()).containsExactly(PlanRun.State.APPLIED, PlanRun.State.PENDING);
        assertThat(run.hasAppliedSteps()).isTrue();

        PlanRun.Outcome stillBlocked = run.apply(listener, () -> false);
        assertThat(stillBlocked.status()).isEqualTo(PlanRun.Status.NOT_JOURNALED);
        assertThat(world).containsExactly("a");

        java.nio.file.Files.delete(folder);
        assertThat(run.apply(listener, () -> false).status()).isEqualTo(PlanRun.Status.COMPLETED);
        assertThat(journal.entries()).extracting(AuditJournal.Entry::requestId)
                .containsExactly("req-apply-a", "req-apply-b");
    }

    private static void blockFolder(Path folder) {
        try {
            java.nio.file.Files.writeString(folder, "a file where the journal's folder should be");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void stepsAddedAfterThePlanAreUndoneFirstAndNeverReapplied() {
        AuditJournal journal = new AuditJournal(home.resolve("audit.jsonl"));
        PlanRun run = runOf(journal, new ListStep("service", world));
        run.apply(listener, () -> false);
        assertThat(run.applyAdded(new ListStep("probe", world), listener).status())
                .isEqualTo(PlanRun.Status.COMPLETED);
        world.add("object");
        run.recordAdded(new ListStep("object", world), "req-probe-put");

        assertThat(run.changes()).extracting(change -> change.subjects().get(0))
                .containsExactly("service", "probe", "object");
        assertThat(run.isComplete()).isTrue();
        assertThat(run.rollBack(listener, () -> false).status()).isEqualTo(PlanRun.Status.COMPLETED);

        assertThat(world).isEmpty();
        assertThat(journal.entries()).filteredOn(entry -> entry.outcome().equals("undone"))
                .extracting(AuditJournal.Entry::target).containsExactly("object", "probe", "service");
        assertThat(journal.entries()).filteredOn(entry -> entry.outcome().equals("undone"))
                .extracting(AuditJournal.Entry::operation).containsOnly("DeleteRole");

        run.apply(listener, () -> false);
        assertThat(world).containsExactly("service");
    }

    @Test
    void aFailedUndoIsRetriedAsAnUndo() {
        AuditJournal journal = new AuditJournal(home.resolve("audit.jsonl"));
        ListStep service = new ListStep("service", world);
        service.failUndo = true;
        PlanRun run = runOf(journal, service);
        run.apply(listener, () -> false);
        run.applyAdded(new ListStep("probe", world), listener);

        assertThat(run.rollBack(listener, () -> false).status()).isEqualTo(PlanRun.Status.FAILED);
        assertThat(run.states()).containsExactly(PlanRun.State.UNDO_FAILED, PlanRun.State.UNDONE);

        service.failUndo = false;
        assertThat(run.rollBack(listener, () -> false).status()).isEqualTo(PlanRun.Status.COMPLETED);
        assertThat(world).isEmpty();
        assertThat(journal.entries()).extracting(AuditJournal.Entry::operation)
                .containsExactly("CreateRole", "CreateRole", "DeleteRole", "DeleteRole", "DeleteRole");
    }

    @Test
    void keptChangesStayAndAreMarkedKept() {
        AuditJournal journal = new AuditJournal(home.resolve("audit.jsonl"));
        PlanRun run = runOf(journal, new ListStep("service", world));
        run.apply(listener, () -> false);
        run.applyAdded(new ListStep("bucket", world), listener);

        run.rollBack(listener, () -> false, change -> change.subjects().get(0).equals("bucket"));

        assertThat(world).containsExactly("bucket");
        assertThat(run.states()).containsExactly(PlanRun.State.UNDONE, PlanRun.State.KEPT);
        assertThat(run.hasAppliedSteps()).isFalse();
    }

    @Test
    void anUndoThatFindsItsSubjectGoneCountsAsUndone() {
        AuditJournal journal = new AuditJournal(home.resolve("audit.jsonl"));
        PlanRun run = runOf(journal, new ListStep("a", world), new ListStep("b", world));
        run.apply(listener, () -> false);
        world.remove("b");  // someone deleted it by hand

        assertThat(run.rollBack(listener, () -> false).status()).isEqualTo(PlanRun.Status.COMPLETED);

        assertThat(world).isEmpty();
        assertThat(journal.entries()).extracting(AuditJournal.Entry::outcome)
                .containsExactly("applied", "applied", "undone: already gone (NotFound)", "undone");
    }
}
