package fcperm.wizard.steps.testfunction;

import fcperm.cloud.BucketSummary;
import fcperm.cloud.CloudSession;
import fcperm.cloud.Invocation;
import fcperm.cloud.StoredObject;
import fcperm.plan.PlanRun;
import fcperm.plan.ServiceChoice;
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

import java.util.ArrayList;
import java.util.List;

/**
 * Test function: deploys the OSS probe into the service, invokes it with the seed's event (endpoint, bucket,
 * objectName, message), reads the object back with the connection's own credentials, and shows either the content
 * read back with the request ids, or the denial with the policy engine's explanation and what to change — plus the
 * execution credentials (masked) and the function's log tail. The probe can be removed afterwards.
 */
public final class TestFunctionModel implements WizardStep {

    public enum Verdict { NONE, RUNNING, SUCCESS, DENIED, FAILED }


    private static final java.time.format.DateTimeFormatter EXPIRY_FORMAT = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm z").withZone(java.time.ZoneId.systemDefault());

    private final ProbeTesting testing;
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

    private CloudSession session;
    private ServiceChoice service;
    private String roleName;

    public TestFunctionModel(ProbeTesting testing, UiExecutor executor, I18n i18n) {
        this.testing = testing;
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
        boolean changed = draft.session() != session || !draft.service().equals(java.util.Optional.ofNullable(service));
        session = draft.session();
        service = draft.service().orElseThrow();
        roleName = draft.role().orElseThrow().name();
        if (!changed) {
            return;
        }
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

    /** Creates the bucket named in the bucket field (recorded in the audit journal). */
    public void createBucket() {
        if (bucket.get().isBlank() || running.get()) {
            return;
        }
        String name = bucket.get().trim();
        running.set(true);
        executor.submit(i18n.text("test.task.createBucket", name), context -> {
            PlanRun run = testing.createBucket(session, service.region(), name);
            return run.apply((step, state, requestId) -> { }, context::isCancelled);
        }, outcome -> {
            running.set(false);
            outcome.failure().ifPresent(failure -> showFailure(i18n.text("test.createBucket.failed", name), failure));
            loadBuckets();
        }, failure -> {
            running.set(false);
            showFailure(i18n.text("test.createBucket.failed", name), failure);
        });
    }

    /** Deploys the probe, invokes it, reads the object back, and explains the outcome. */
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
        executor.submit(i18n.text("test.task.run"), context -> {
            context.message(i18n.text("test.step.deploy"));
            context.progress(0, 3);
            testing.deployProbe(current, target);
            context.onUi(() -> probeDeployed.set(true));
            context.message(i18n.text("test.step.invoke"));
            context.progress(1, 3);
            java.time.Instant invokedAt = java.time.Instant.now();
            Invocation invocation = testing.invoke(current, target, event);
            context.progress(2, 3);
            ProbeTesting.Outcome outcome = testing.judge(current, target, role, event, invocation, invokedAt);
            context.progress(3, 3);
            return outcome;
        }, this::show, failure -> {
            running.set(false);
            showFailure(i18n.text("test.failed"), failure);
        });
    }

    /** Deletes the probe function from the service (recorded in the audit journal). */
    public void removeProbe() {
        if (!probeDeployed.get() || running.get()) {
            return;
        }
        running.set(true);
        CloudSession current = session;
        ServiceChoice target = service;
        executor.submit(i18n.text("test.task.remove"), context -> testing.removeProbe(current, target)
                        .apply((step, state, requestId) -> { }, context::isCancelled),
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

    private void show(ProbeTesting.Outcome outcome) {
        running.set(false);
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
            outcome.explanation().ifPresent(explanation -> {
                lines.add(new Fact("test.fact.decision", explanation.outcome()));
                lines.add(new Fact("test.fact.why", explanation.reason()));
                advice.set(explanation.advice());
            });
        }
        facts.setAll(lines);
    }

    private void showFailure(String what, Throwable failure) {
        verdict.set(Verdict.FAILED);
        headline.set(what);
        detail.set(FailureText.of(failure, i18n).reason());
    }

    private void clearResult() {
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

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
