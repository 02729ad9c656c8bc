package fcperm.wizard;

import fcperm.cloud.CloudSession;
import fcperm.plan.Grant;
import fcperm.plan.PlanRequest;
import fcperm.plan.RoleChoice;
import fcperm.plan.ServiceChoice;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;
import java.util.Optional;

/**
 * What the steps decided so far, typed; each step reads what earlier steps stored and stores its own part. The
 * {@link #version()} moves on with every change, so a later step can tell whether it must work things out again.
 */
public final class WizardDraft {

    private long version;
    private final ObjectProperty<CloudSession> session = tracked("session");
    private final ObjectProperty<ServiceChoice> service = tracked("service");
    private final ObjectProperty<RoleChoice> role = tracked("role");
    private final ObjectProperty<List<Grant>> grants = tracked("grants");

    public long version() {
        return version;
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

    public Optional<ServiceChoice> service() {
        return Optional.ofNullable(service.get());
    }

    public void setService(ServiceChoice value) {
        service.set(value);
    }

    public Optional<RoleChoice> role() {
        return Optional.ofNullable(role.get());
    }

    public void setRole(RoleChoice value) {
        role.set(value);
    }

    public List<Grant> grants() {
        return grants.get() == null ? List.of() : grants.get();
    }

    public void setGrants(List<Grant> value) {
        grants.set(List.copyOf(value));
    }

    /** The request for the planner; only once Region, Role and Permissions have been passed. */
    public PlanRequest planRequest() {
        return new PlanRequest(service().orElseThrow(), role().orElseThrow(), grants());
    }

    private <T> ObjectProperty<T> tracked(String name) {
        ObjectProperty<T> property = new SimpleObjectProperty<>(this, name);
        property.addListener((obs, old, now) -> version++);
        return property;
    }
}
