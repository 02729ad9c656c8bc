package fcperm.wizard.steps.testfunction;

import fcperm.cloud.BucketSummary;
import fcperm.cloud.CloudSession;
import fcperm.cloud.StoredObject;
import fcperm.plan.Plan;
import fcperm.plan.PlanRun;
import fcperm.plan.AuditJournal;
import fcperm.plan.PlanStep;
import fcperm.plan.ServiceChoice;
import fcperm.plan.probetest.ProbeTesting;
import fcperm.policy.eval.DecidingStatement;
import fcperm.policy.eval.Outcome;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.WizardStep;
import fcperm.wizard.common.Fact;
import fcperm.wizard.common.FailureText;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test function: makes sure the OSS probe in the service runs the app's code (deployed only when it does not),
 * invokes it with the seed's event (endpoint, bucket, objectName, message), reads the object back with the
 * connection's own credentials, and shows either the content read back with the request ids, or the denial with
 * the policy engine's explanation and what to change — plus the execution credentials (masked) and the function's
 * log tail. Everything it makes (probe, bucket, the probe's object) joins the applied run, so Roll back undoes it.
 */
public final class TestFunctionModel implements WizardStep {

    public enum Verdict { NONE, RUNNING, SUCCESS, DENIED, FAILED }


    private static final DateTimeFormatter EXPIRY_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
            .withZone(ZoneId.systemDefault());

    private final ProbeTesting testing;
    private final AuditJournal journal;
    private final UiExecutor executor;
    private final I18n i18n;

    private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", "");
    private final StringProperty bucket = new SimpleStringProperty(this, "bucket", "");
    private final StringProperty objectName = new SimpleStringProperty(this, "objectName", "fcperm-probe/hello.txt");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObservableList<String> buckets = FXCollections.observableArrayList();
    private final StringBinding inputProblem;

    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict", Verdict.NONE);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper(this, "advice", "");
    private final ObservableList<Fact> facts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper logTail = new ReadOnlyStringWrapper(this, "logTail", "");
    private final ReadOnlyBooleanWrapper probeDeployed = new ReadOnlyBooleanWrapper(this, "probeDeployed");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);

    private WizardDraft draft;
    private CloudSession session;
    private ServiceChoice service;
    private String roleName;
    /* A run for the test's changes when the draft has none (the page used on its own, as the bench does). */
    private PlanRun ownRun;
    /* The test outcome shown, kept so that its words follow a language switch. */
    private ProbeTesting.Outcome shownOutcome;
    /* The run the result shown was made in: a result of another run (rolled back, replaced) is never shown. */
    private final ReadOnlyObjectWrapper<PlanRun> resultRun = new ReadOnlyObjectWrapper<>(this, "resultRun");

    public TestFunctionModel(ProbeTesting testing, AuditJournal journal, UiExecutor executor, I18n i18n) {
        this.testing = testing;
        this.journal = journal;
        this.executor = executor;
        this.i18n = i18n;
        inputProblem = Bindings.createStringBinding(() -> {
            if (endpoint.get().isBlank() || bucket.get().isBlank() || objectName.get().isBlank()) {
                return i18n.text("test.input.missing");
            }
            if (objectName.get().startsWith("/")) {
                return i18n.text("test.input.slash");
            }
            return "";
        }, endpoint, bucket, objectName, i18n.localeProperty());
        i18n.localeProperty().addListener((obs, old, now) -> {
            if (shownOutcome != null) {
                show(shownOutcome);
            }
        });
    }

    @Override
    public String id() {
        return "test";
    }

    @Override
    public String titleKey() {
        return "test.title";
    }

    /** Testing is the proof, not a gate: the wizard can be finished with or without it. */
    @Override
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    @Override
    public void enter(WizardDraft draft) {
        if (this.draft != draft) {
            this.draft = draft;
            draft.runProperty().addListener((obs, old, now) -> forgetResultOfOtherRuns());
        }
        forgetResultOfOtherRuns();
        boolean changed = draft.session() != session || !draft.service().equals(Optional.ofNullable(service));
        session = draft.session();
        service = draft.service().orElseThrow();
        roleName = draft.role().orElseThrow().name();
        if (!changed) {
            return;
        }
        ownRun = null;
        endpoint.set(session.ossEndpointFor(service.region()));
        if (message.get().isEmpty()) {
            message.set(i18n.text("test.message.default"));
        }
        clearResult();
        loadBuckets();
    }

    /** Lists the buckets again (the list offered for the bucket field). */
    public void loadBuckets() {
        CloudSession current = session;
        executor.submit(i18n.text("test.task.buckets"), context -> current.objects().listBuckets(), listed -> {
            buckets.setAll(listed.stream().map(BucketSummary::name).toList());
            if (bucket.get().isBlank() && !buckets.isEmpty()) {
                bucket.set(buckets.get(0));
            }
        });
    }

    /** Creates the bucket named in the bucket field, as a change of the run (so Roll back can undo it). */
    public void createBucket() {
        if (bucket.get().isBlank() || running.get()) {
            return;
        }
        String name = bucket.get().trim();
        String region = service.region();
        PlanStep creation = testing.bucketCreation(session, region, name);
        PlanRun target = run();
        running.set(true);
        executor.submit(i18n.text("test.task.createBucket", name), context -> target.applyAdded(creation,
                (step, state, requestId) -> { }), outcome -> {
                    running.set(false);
                    if (outcome.failure().isPresent()) {
                        showFailure(i18n.text("test.createBucket.failed", name), outcome.failure().get());
                    } else {
                        clearResult();
                        resultRun.set(target);
                        headline.set(i18n.text("test.createBucket.done", name));
                        detail.set(i18n.text("test.createBucket.detail", name, region));
                    }
                    loadBuckets();
                }, failure -> {
                    running.set(false);
                    showFailure(i18n.text("test.createBucket.failed", name), failure);
                });
    }

    /** Deploys the probe when needed, invokes it, reads the object back, and explains the outcome. */
    public void runTest() {
        if (!inputProblem.get().isEmpty() || running.get()) {
            return;
        }
        ProbeTesting.Event event = new ProbeTesting.Event(endpoint.get().trim(), bucket.get().trim(),
                objectName.get().trim(), message.get());
        clearResult();
        running.set(true);
        verdict.set(Verdict.RUNNING);
        headline.set(i18n.text("test.running"));
        CloudSession current = session;
        ServiceChoice target = service;
        String role = roleName;
        PlanRun into = run();
        resultRun.set(into);
        executor.submit(i18n.text("test.task.run"), context -> testing.test(current, target, role, event, into,
                stage -> {
                    context.message(i18n.text("test.step." + stage.name()));
                    context.progress(stage.ordinal(), ProbeTesting.Stage.values().length);
                    if (stage == ProbeTesting.Stage.INVOKE) {
                        context.onUi(() -> probeDeployed.set(true));
                    }
                }), this::show, failure -> {
                    running.set(false);
                    showFailure(i18n.text("test.failed"), failure);
                });
    }

    /** Deletes the probe function from the service, as a change of the run. */
    public void removeProbe() {
        if (!probeDeployed.get() || running.get()) {
            return;
        }
        running.set(true);
        PlanStep removal = testing.removal(session, service);
        PlanRun target = run();
        executor.submit(i18n.text("test.task.remove"), context -> target.applyAdded(removal,
                        (step, state, requestId) -> { }),
                outcome -> {
                    running.set(false);
                    if (outcome.failure().isPresent()) {
                        showFailure(i18n.text("test.remove.failed"), outcome.failure().get());
                    } else {
                        probeDeployed.set(false);
                        logTail.set("");
                        advice.set(i18n.text("test.removed"));
                    }
                }, failure -> {
                    running.set(false);
                    showFailure(i18n.text("test.remove.failed"), failure);
                });
    }

    /** Clears a result that belongs to a run other than the current one. */
    private void forgetResultOfOtherRuns() {
        if (resultRun.get() != null && resultRun.get() != run()) {
            clearResult();
            logTail.set("");
        }
    }

    /** The run the test's changes join: the applied one, else one of the page's own for this service. */
    private PlanRun run() {
        if (draft != null && draft.runProperty().get() != null) {
            return draft.runProperty().get();
        }
        if (ownRun == null) {
            ownRun = new PlanRun(new Plan(List.of()), journal, new PlanRun.Actor(session.connectionName(),
                    session.identity().accountId()));
        }
        return ownRun;
    }

    private void show(ProbeTesting.Outcome outcome) {
        running.set(false);
        advice.set("");
        shownOutcome = outcome;
        logTail.set(outcome.invocation().logTail());
        List<Fact> lines = new ArrayList<>();
        lines.add(new Fact("test.fact.invokeRequest", outcome.invocation().requestId()));
        outcome.putRequestId().ifPresent(id -> lines.add(new Fact("test.fact.putRequest", id)));
        outcome.executionKeyId().ifPresent(id -> lines.add(new Fact("test.fact.credentials", id)));
        outcome.credentialsExpiry().ifPresent(expiry -> lines.add(new Fact("test.fact.expiry",
                i18n.text("test.expiry", EXPIRY_FORMAT.format(expiry)))));
        if (outcome.readBack().isPresent()) {
            StoredObject object = outcome.readBack().get();
            lines.add(new Fact("test.fact.readRequest", object.requestId()));
            lines.add(new Fact("test.fact.content", object.text()));
            boolean same = object.text().equals(outcome.event().message());
            verdict.set(same ? Verdict.SUCCESS : Verdict.FAILED);
            headline.set(i18n.text(same ? "test.success" : "test.mismatch"));
            detail.set(i18n.text(same ? "test.success.detail" : "test.mismatch.detail",
                    outcome.event().bucket(), outcome.event().objectName()));
        } else {
            verdict.set(outcome.denied() ? Verdict.DENIED : Verdict.FAILED);
            headline.set(i18n.text(outcome.denied() ? "test.denied" : "test.error", outcome.errorCode()));
            detail.set(outcome.errorMessage());
            if (outcome.bucketMissing()) {
                advice.set(i18n.text("test.advice.noBucket", outcome.event().bucket()));
            }
            outcome.explanation().ifPresent(explanation -> {
                lines.add(new Fact("test.fact.decision",
                        i18n.text("test.outcome." + explanation.decision().outcome().name())));
                lines.add(new Fact("test.fact.why", reason(explanation)));
                advice.set(whatToChange(explanation));
            });
        }
        facts.setAll(lines);
    }

    private String reason(ProbeTesting.Explanation explanation) {
        List<DecidingStatement> deciding = explanation.decision().deciding();
        return deciding.isEmpty()
                ? i18n.text("test.why.nothing", explanation.roleName(), ProbeTesting.PUT_OBJECT, explanation.resource())
                : i18n.text("test.why.statement", describe(deciding.get(0)), explanation.decision().explanation());
    }

    private String whatToChange(ProbeTesting.Explanation explanation) {
        if (explanation.decision().outcome() == Outcome.EXPLICIT_DENY) {
            return i18n.text("test.advice.deny", describe(explanation.decision().deciding().get(0)));
        }
        String where = explanation.resourceGroup().map(id -> i18n.text("test.advice.group", id))
                .orElse(i18n.text("test.advice.account"));
        return i18n.text("test.advice.allow", ProbeTesting.PUT_OBJECT, explanation.bucket(), where);
    }

    private String describe(DecidingStatement statement) {
        return i18n.text("test.statement", statement.policyName(), statement.statementIndex() + 1,
                statement.scope().label());
    }

    private void showFailure(String what, Throwable failure) {
        shownOutcome = null;
        verdict.set(Verdict.FAILED);
        headline.set(what);
        detail.set(FailureText.of(failure, i18n).reason());
    }

    private void clearResult() {
        shownOutcome = null;
        resultRun.set(null);
        verdict.set(Verdict.NONE);
        headline.set(i18n.text("test.none"));
        detail.set("");
        advice.set("");
        facts.clear();
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty bucketProperty() {
        return bucket;
    }

    public StringProperty objectNameProperty() {
        return objectName;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObservableList<String> buckets() {
        return buckets;
    }

    public StringBinding inputProblemProperty() {
        return inputProblem;
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    public ObservableList<Fact> facts() {
        return facts;
    }

    public ReadOnlyStringProperty logTailProperty() {
        return logTail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty probeDeployedProperty() {
        return probeDeployed.getReadOnlyProperty();
    }

    /** The run the result shown belongs to; null while no result is shown. */
    public ReadOnlyObjectProperty<PlanRun> resultRunProperty() {
        return resultRun.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
