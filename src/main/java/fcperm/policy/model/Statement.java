package fcperm.policy.model;

import java.util.List;
import java.util.Optional;

/**
 * One statement. Exactly one of Action/NotAction is given ({@code notAction} says which); Resource/NotResource
 * likewise, and both are absent in trust policies ({@code resources} empty, {@code notResource} false), which name a
 * {@code principal} instead. A statement matches a request when action, resource and every condition match.
 */
public record Statement(Optional<String> sid, Effect effect, List<String> actions, boolean notAction,
                        List<String> resources, boolean notResource, Optional<Principal> principal,
                        List<Condition> conditions) {

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /** A plain identity-policy statement without Sid, NotAction/NotResource, principal or conditions. */
    public static Statement of(Effect effect, List<String> actions, List<String> resources) {
        return new Statement(Optional.empty(), effect, actions, false, resources, false, Optional.empty(), List.of());
    }
}
