package fcperm.plan;

import java.util.List;

/**
 * Everything the user chose in the wizard, as the planner needs it; {@code alreadyMade}: what this session's
 * applied run created (a name taken by it is ours to build on, not someone else's).
 */
public record PlanRequest(ServiceChoice service, RoleChoice role, List<Grant> grants, List<Change> alreadyMade) {

    public PlanRequest {
        grants = List.copyOf(grants);
        alreadyMade = List.copyOf(alreadyMade);
    }

    public PlanRequest(ServiceChoice service, RoleChoice role, List<Grant> grants) {
        this(service, role, grants, List.of());
    }

    /** Whether this session's run created {@code name} by a change of that kind. */
    public boolean made(Change.Kind kind, String name) {
        return made(alreadyMade, kind, name);
    }

    /** Whether one of {@code changes} created {@code name} by a change of that kind. */
    public static boolean made(List<Change> changes, Change.Kind kind, String name) {
        // RAM names are case-insensitive, FC service names are not.
        return changes.stream().anyMatch(change -> change.kind() == kind && (kind == Change.Kind.CREATE_ROLE
                ? change.subjects().get(0).equalsIgnoreCase(name) : change.subjects().get(0).equals(name)));
    }
}
