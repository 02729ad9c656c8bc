package fcperm.policy.eval;

import fcperm.policy.model.Effect;
import fcperm.policy.model.PolicyDocument;
import fcperm.policy.model.Principal;
import fcperm.policy.model.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A policy document with its patterns and condition values prepared once, ready to be matched many times. */
final class CompiledPolicy {

    /** One statement, prepared. */
    static final class CompiledStatement {
        final int index;
        final Effect effect;
        private final List<Wildcard> actions = new ArrayList<>();
        private final boolean notAction;
        private final List<Wildcard> resources = new ArrayList<>();
        /** RAM ARNs name roles and users case-insensitively (ram-policy.md §1.3). */
        private final List<Wildcard> resourcesIgnoringCase = new ArrayList<>();
        private final boolean notResource;
        private final boolean ramArnsIgnoreCase;
        private final boolean anyResource;
        private final Optional<Principal> principal;
        private final List<CompiledCondition> conditions = new ArrayList<>();

        CompiledStatement(int index, Statement statement, EvaluationOptions options) {
            this.index = index;
            this.effect = statement.effect();
            // actions compare without case: patterns are lower-cased here, the request's action once per evaluation
            statement.actions().forEach(action -> actions.add(Wildcard.caseSensitive(action.toLowerCase(Locale.ROOT))));
            this.notAction = statement.notAction();
            for (String resource : statement.resources()) {
                resources.add(Wildcard.caseSensitive(resource));
                resourcesIgnoringCase.add(Wildcard.ignoringCase(resource));
            }
            this.notResource = statement.notResource();
            this.ramArnsIgnoreCase = options.ramArnCase() == EvaluationOptions.RamArnCase.IGNORE_CASE;
            this.anyResource = statement.resources().isEmpty();
            this.principal = statement.principal();
            statement.conditions().forEach(condition -> conditions.add(CompiledCondition.compile(condition, options.missingKey())));
        }

        /** {@code action} is the request's action lower-cased. */
        boolean matches(AccessRequest request, String action) {
            return actionMatches(action) && resourceMatches(request.resourceArn()) && conditionsPass(request);
        }

        /** For trust policies: the action, the principal and the conditions. */
        boolean trusts(AccessRequest request, String action, TrustedPrincipal caller) {
            return actionMatches(action) && principalMatches(caller) && conditionsPass(request);
        }

        private boolean actionMatches(String action) {
            return anyOf(actions, action) != notAction;
        }

        private boolean resourceMatches(String resource) {
            if (anyResource) {
                return true;
            }
            boolean ram = ramArnsIgnoreCase && resource.regionMatches(true, 0, "acs:ram:", 0, 8);
            return anyOf(ram ? resourcesIgnoringCase : resources, resource) != notResource;
        }

        private boolean conditionsPass(AccessRequest request) {
            for (CompiledCondition condition : conditions) {
                if (!condition.passes(request)) {
                    return false;
                }
            }
            return true;
        }

        private boolean principalMatches(TrustedPrincipal caller) {
            if (principal.isEmpty()) {
                return false;
            }
            Principal named = principal.get();
            if (caller instanceof TrustedPrincipal.Service service) {
                return named.service().stream().anyMatch(name -> name.equalsIgnoreCase(service.name()));
            }
            if (caller instanceof TrustedPrincipal.Federated federated) {
                return named.federated().stream().anyMatch(provider -> provider.equalsIgnoreCase(federated.providerArn()));
            }
            TrustedPrincipal.Ram ram = (TrustedPrincipal.Ram) caller;
            String root = "acs:ram::" + ram.accountId() + ":root";
            for (String entry : named.ram()) {
                if (entry.equals("*") || entry.equals(ram.accountId()) || entry.equalsIgnoreCase(root)) {
                    return true;
                }
                for (String arn : ram.arns()) {
                    if (entry.toLowerCase(Locale.ROOT).equals(arn.toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean anyOf(List<Wildcard> patterns, String value) {
            for (Wildcard pattern : patterns) {
                if (pattern.matches(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    final List<CompiledStatement> statements;

    CompiledPolicy(PolicyDocument document, EvaluationOptions options) {
        List<CompiledStatement> compiled = new ArrayList<>();
        for (int i = 0; i < document.statements().size(); i++) {
            compiled.add(new CompiledStatement(i, document.statements().get(i), options));
        }
        this.statements = List.copyOf(compiled);
    }
}
