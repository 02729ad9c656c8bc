package fcperm.wizard;

import fcperm.cloud.CloudSession;
import fcperm.plan.Change;
import fcperm.plan.Grant;
import fcperm.plan.Plan;
import fcperm.plan.PlanRequest;
import fcperm.plan.PlanRun;
import fcperm.plan.PlanStep;
import fcperm.plan.RoleChoice;
import fcperm.plan.ServiceChoice;
import javafx.beans.binding.Bindings;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The one state of the wizard: what the user chose (connection, service, role with its trust, grants) and what
 * was made of it (the plan, the run that applied it). Pages write their own choice here as soon as it changes and
 * read what earlier pages chose; nothing else holds a copy that could go stale.
 *
 * <p>Invalidation: any change of a choice moves {@link #versionProperty()} on and drops the plan (it was made for
 * the old choices). The run stays — what was applied is in the cloud — but {@link #runMatchesDraftProperty()}
 * turns false, so every page can say that the choices changed since they were applied. The whole model:
 * docs/wizard-state.md §1–§4.
 */
public final class WizardDraft {

    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper(this, "version");
    private final ObjectProperty<CloudSession> session = choice("session");
    private final ObjectProperty<ServiceChoice> service = choice("service");
    private final ObjectProperty<RoleChoice> role = choice("role");
    private final ObjectProperty<List<Grant>> grants = choice("grants");
    private final ObjectProperty<Plan> plan = new SimpleObjectProperty<>(this, "plan");
    private final ObjectProperty<PlanRun> run = new SimpleObjectProperty<>(this, "run");
    /* The version of the choices the run was applied for. */
    private final LongProperty runVersion = new SimpleLongProperty(this, "runVersion", -1);
    private final ReadOnlyBooleanWrapper runMatchesDraft = new ReadOnlyBooleanWrapper(this, "runMatchesDraft");

    public WizardDraft() {
        run.addListener((obs, old, now) -> runVersion.set(now == null ? -1 : version.get()));
        runMatchesDraft.bind(run.isNotNull().and(Bindings.equal(version, runVersion)));
    }

    /** Moves on with every change of a choice; a page that worked something out remembers the version it used. */
    public long version() {
        return version.get();
    }

    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** The connection's session; set by the Connect step, so every later step has one. */
    public CloudSession session() {
        return session.get();
    }

    public ReadOnlyObjectProperty<CloudSession> sessionProperty() {
        return session;
    }

    public void setSession(CloudSession value) {
        session.set(value);
    }

    /** The service the role is for; empty while the Region page has no valid choice. */
    public Optional<ServiceChoice> service() {
        return Optional.ofNullable(service.get());
    }

    public ReadOnlyObjectProperty<ServiceChoice> serviceProperty() {
        return service;
    }

    public void setService(ServiceChoice value) {
        service.set(value);
    }

    /** The role and its trust; empty while the Role page has no valid choice. */
    public Optional<RoleChoice> role() {
        return Optional.ofNullable(role.get());
    }

    public ReadOnlyObjectProperty<RoleChoice> roleProperty() {
        return role;
    }

    public void setRole(RoleChoice value) {
        role.set(value);
    }

    public List<Grant> grants() {
        return grants.get() == null ? List.of() : grants.get();
    }

    public ReadOnlyObjectProperty<List<Grant>> grantsProperty() {
        return grants;
    }

    public void setGrants(List<Grant> value) {
        grants.set(List.copyOf(value));
    }

    /** The bucket the grants name (e.g. the one a preset was generated for), to prefill the test. */
    public Optional<String> bucketHint() {
        return grants().stream().map(Grant::bucket).flatMap(Optional::stream).findFirst();
    }

    /** The request for the planner; only once Region, Role and Permissions have been passed. */
    public PlanRequest planRequest() {
        return new PlanRequest(service().orElseThrow(), role().orElseThrow(), grants(), madeBySession());
    }

    /** The changes of the run that are applied now: what this session put in the cloud. */
    public List<Change> madeBySession() {
        PlanRun applied = run.get();
        if (applied == null) {
            return List.of();
        }
        List<PlanRun.State> states = applied.states();
        List<PlanStep> steps = applied.plan().steps();
        return IntStream.range(0, steps.size()).filter(i -> states.get(i) == PlanRun.State.APPLIED)
                .mapToObj(i -> steps.get(i).change()).toList();
    }

    /** Whether this session made {@code name} (a service, a role) itself: then it is not "taken". */
    public boolean madeBySession(Change.Kind kind, String name) {
        return PlanRequest.made(madeBySession(), kind, name);
    }

    /** The plan made for the current choices: set by Review when it plans, dropped by any change of a choice. */
    public ObjectProperty<Plan> planProperty() {
        return plan;
    }

    /** The run of the applied plan: set by Review on Apply; kept when a choice changes (it stays applied). */
    public ObjectProperty<PlanRun> runProperty() {
        return run;
    }

    /** True while there is a run and no choice changed since it was set. */
    public ReadOnlyBooleanProperty runMatchesDraftProperty() {
        return runMatchesDraft.getReadOnlyProperty();
    }

    /* A change listener, not an invalidation listener: writing an equal choice again (a page written on every
       edit, a page left unchanged) is no change and must not throw the plan away. */
    private <T> ObjectProperty<T> choice(String name) {
        ObjectProperty<T> property = new SimpleObjectProperty<>(this, name);
        property.addListener((obs, old, now) -> {
            version.set(version.get() + 1);
            plan.set(null);
        });
        return property;
    }
}
