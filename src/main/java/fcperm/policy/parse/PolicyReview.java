package fcperm.policy.parse;

import fcperm.policy.model.Condition;
import fcperm.policy.model.Effect;
import fcperm.policy.model.Principal;
import fcperm.policy.model.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a careful reviewer would say about a statement that is valid but probably not what its author meant. These are
 * warnings: RAM accepts such policies.
 */
final class PolicyReview {

    /** A statement without its Sid: two statements with the same rule repeat each other. */
    private record Rule(Effect effect, boolean notAction, List<String> actions, boolean notResource, List<String> resources,
                        Optional<Principal> principal, List<Condition> conditions) {
        Rule(Statement s) {
            this(s.effect(), s.notAction(), s.actions(), s.notResource(), s.resources(), s.principal(), s.conditions());
        }
    }

    private final PolicyParser.Kind kind;
    /** The rules of the statements reviewed so far, with the index of the first statement that has each. */
    private final Map<Rule, Integer> seen = new HashMap<>();

    PolicyReview(PolicyParser.Kind kind) {
        this.kind = kind;
    }

    /** The warnings for statement {@code index}; statements are reviewed in document order. */
    List<String> warnings(Statement statement, int index) {
        List<String> warnings = new ArrayList<>();
        String self = "statement " + index;
        boolean allActions = !statement.notAction() && statement.actions().contains("*");
        boolean allResources = !statement.notResource() && statement.resources().contains("*");
        if (kind == PolicyParser.Kind.PERMISSION && statement.effect() == Effect.ALLOW && allActions && allResources
                && statement.conditions().isEmpty()) {
            warnings.add(self + " allows every action on every resource (full administrator access)");
        }
        if (statement.notAction() && statement.actions().contains("*")) {
            warnings.add(self + " can never match: NotAction \"*\" excludes every action");
        } else if (statement.notAction() && statement.effect() == Effect.ALLOW) {
            warnings.add(self + " allows every action of every service except the ones it lists; "
                    + "Allow with NotAction is broad, and does not deny the listed actions");
        }
        if (statement.notResource() && statement.resources().contains("*")) {
            warnings.add(self + " can never match: NotResource \"*\" excludes every resource");
        }
        serviceMismatch(statement).ifPresent(message -> warnings.add(self + " can never match: " + message));
        Integer first = seen.putIfAbsent(new Rule(statement), index);
        if (first != null) {
            warnings.add(self + " repeats statement " + first);
        }
        return warnings;
    }

    /**
     * Actions of one set of services and resources of another, e.g. {@code oss:GetObject} on {@code acs:log:...}: no
     * request has both. Only judged when every action and every resource names its service without wildcards.
     */
    private static Optional<String> serviceMismatch(Statement statement) {
        if (statement.notAction() || statement.notResource() || statement.resources().isEmpty()) {
            return Optional.empty();
        }
        Set<String> actionServices = new HashSet<>();
        for (String action : statement.actions()) {
            int colon = action.indexOf(':');
            String service = colon < 0 ? action : action.substring(0, colon);
            if (colon < 0 || service.contains("*") || service.contains("?")) {
                return Optional.empty();
            }
            actionServices.add(service.toLowerCase(Locale.ROOT));
        }
        Set<String> resourceServices = new HashSet<>();
        for (String resource : statement.resources()) {
            String[] fields = resource.split(":", 5);
            if (fields.length < 5 || fields[1].contains("*") || fields[1].contains("?")) {
                return Optional.empty();
            }
            resourceServices.add(fields[1].toLowerCase(Locale.ROOT));
        }
        Set<String> common = new HashSet<>(actionServices);
        common.retainAll(resourceServices);
        // sts:AssumeRole acts on RAM role ARNs: the one well-known pair of different service codes
        if (actionServices.contains("sts") && resourceServices.contains("ram")) {
            return Optional.empty();
        }
        return common.isEmpty()
                ? Optional.of("its actions are for " + sorted(actionServices) + " but its resources belong to " + sorted(resourceServices))
                : Optional.empty();
    }

    private static String sorted(Set<String> services) {
        return String.join(", ", services.stream().sorted().toList());
    }
}
