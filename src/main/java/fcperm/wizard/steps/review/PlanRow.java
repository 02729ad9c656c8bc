package fcperm.wizard.steps.review;

import fcperm.plan.Change;
import fcperm.plan.PlanRun;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One line of the plan as the review page shows it: the change, how far it got, the cloud's request id. */
public final class PlanRow {

    private final Change change;
    private final ReadOnlyObjectWrapper<PlanRun.State> state =
            new ReadOnlyObjectWrapper<>(this, "state", PlanRun.State.PENDING);
    private final ReadOnlyStringWrapper requestId = new ReadOnlyStringWrapper(this, "requestId", "");

    PlanRow(Change change) {
        this.change = change;
    }

    public Change change() {
        return change;
    }

    public ReadOnlyObjectProperty<PlanRun.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty requestIdProperty() {
        return requestId.getReadOnlyProperty();
    }

    void update(PlanRun.State newState, String newRequestId) {
        state.set(newState);
        if (newRequestId != null) {
            requestId.set(newRequestId);
        }
    }
}
