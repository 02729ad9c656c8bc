package fcperm.plan;

import java.util.List;

/** Everything the user chose in the wizard, as the planner needs it. */
public record PlanRequest(ServiceChoice service, RoleChoice role, List<Grant> grants) {

    public PlanRequest {
        grants = List.copyOf(grants);
    }
}
