package fcperm.policy.eval;

import fcperm.policy.model.Effect;
import fcperm.policy.model.PolicyDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RAM's evaluation (ram-policy.md §2): a session policy must allow first (it can only narrow); then the account-scope
 * policies and the resource-group-scope policies of the resource's group are one set in which an explicit Deny wins,
 * an Allow grants, and silence is an implicit deny. AssumeRole also needs the role's trust policy to allow the caller.
 * Thread-safe; each document is compiled once and kept while it is in use.
 */
public final class Evaluator {

    private static final int MAX_CACHED = 10_000;
    private static final String TRUST_POLICY_NAME = "AssumeRolePolicyDocument";

    private final EvaluationOptions options;
    /** Keyed by identity: hashing a document record would walk all of it on every request. */
    private final Map<SameDocument, CompiledPolicy> compiled = new ConcurrentHashMap<>();

    public Evaluator() {
        this(EvaluationOptions.defaults());
    }

    public Evaluator(EvaluationOptions options) {
        this.options = options;
    }

    /** A document compared by identity: callers hand the same instance request after request. */
    private record SameDocument(PolicyDocument document) {
        @Override
        public boolean equals(Object other) {
            return other instanceof SameDocument same && same.document == document;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(document);
        }
    }

    /** A policy in force, with the type it has for this request. */
    private record Applicable(AttachedPolicy policy, PolicyType type) {
    }

    /** What one set of policies says. */
    private record SetDecision(Outcome outcome, List<DecidingStatement> denies, List<DecidingStatement> allows) {
        List<DecidingStatement> deciding() {
            return outcome == Outcome.EXPLICIT_DENY ? denies : outcome == Outcome.ALLOW ? allows : List.of();
        }
    }

    public Decision evaluate(AccessRequest request, List<AttachedPolicy> identityPolicies,
                             Optional<AttachedPolicy> sessionPolicy) {
        if (sessionPolicy.isPresent()) {
            SetDecision session = decide(request, List.of(new Applicable(sessionPolicy.get(), PolicyType.SessionPolicy)));
            if (session.outcome() != Outcome.ALLOW) {
                return new Decision(session.outcome(), session.deciding(), PolicyType.SessionPolicy,
                        session.outcome() == Outcome.EXPLICIT_DENY
                                ? "The session policy explicitly denies " + what(request) + " (" + where(session.deciding()) + ")."
                                : "The session policy does not allow " + what(request)
                                + ": a session can only do what both its session policy and the role's policies allow.");
            }
        }
        List<Applicable> account = new ArrayList<>();
        List<Applicable> group = new ArrayList<>();
        for (AttachedPolicy policy : identityPolicies) {
            if (policy.scope() instanceof PolicyScope.ResourceGroup rg) {
                if (rg.id().equals(request.resourceGroupId())) {
                    group.add(new Applicable(policy, PolicyType.ResourceGroupLevelIdentityBasedPolicy));
                }
            } else {
                account.add(new Applicable(policy, PolicyType.AccountLevelIdentityBasedPolicy));
            }
        }
        SetDecision identity;
        if (options.scopeCombination() == EvaluationOptions.ScopeCombination.ACCOUNT_SCOPE_FIRST) {
            identity = decide(request, account);
            if (identity.outcome() == Outcome.IMPLICIT_DENY) {
                identity = decide(request, group);
            }
        } else {
            List<Applicable> all = new ArrayList<>(account);
            all.addAll(group);
            identity = decide(request, all);
        }
        return identityDecision(request, identity, identityPolicies, account.size() + group.size());
    }

    private Decision identityDecision(AccessRequest request, SetDecision identity, List<AttachedPolicy> all, int applicable) {
        List<DecidingStatement> deciding = identity.deciding();
        PolicyType type = deciding.isEmpty() ? PolicyType.AccountLevelIdentityBasedPolicy : deciding.get(0).type();
        String explanation = switch (identity.outcome()) {
            case ALLOW -> "Allowed by " + where(deciding) + ".";
            case EXPLICIT_DENY -> "Explicitly denied by " + where(deciding) + "; an explicit Deny wins over any Allow.";
            case IMPLICIT_DENY -> "No policy allows " + what(request) + " (" + applicable + " of " + all.size()
                    + " attached policies apply"
                    + (request.resourceGroupId() == null ? "" : ", the resource is in resource group " + request.resourceGroupId())
                    + "); attach a policy that allows it.";
        };
        return new Decision(identity.outcome(), deciding, type, explanation);
    }

    /**
     * AssumeRole: the caller's own policies must allow sts:AssumeRole on the role and the role's trust policy must
     * trust the caller; a cloud service (e.g. fc.aliyuncs.com) and a federated (SSO) user need only the trust policy.
     */
    public Decision evaluateAssumeRole(AccessRequest request, List<AttachedPolicy> callerPolicies,
                                       Optional<AttachedPolicy> callerSessionPolicy, PolicyDocument trustPolicy,
                                       TrustedPrincipal caller) {
        Decision trust = evaluateTrust(request, trustPolicy, caller);
        if (!(caller instanceof TrustedPrincipal.Ram)) {
            return trust;
        }
        Decision identity = evaluate(request, callerPolicies, callerSessionPolicy);
        if (identity.outcome() == Outcome.EXPLICIT_DENY) {
            return identity;
        }
        if (trust.outcome() == Outcome.EXPLICIT_DENY) {
            return trust;
        }
        if (identity.allowed() && trust.allowed()) {
            List<DecidingStatement> both = new ArrayList<>(identity.deciding());
            both.addAll(trust.deciding());
            return new Decision(Outcome.ALLOW, both, identity.policyType(),
                    "Allowed: " + where(identity.deciding()) + " allows sts:AssumeRole and the role's trust policy trusts "
                            + caller.describe() + ".");
        }
        return identity.allowed() ? trust : identity;
    }

    /** Whether a role's trust policy lets {@code caller} assume it (request action sts:AssumeRole). */
    public Decision evaluateTrust(AccessRequest request, PolicyDocument trustPolicy, TrustedPrincipal caller) {
        String action = request.action().toLowerCase(Locale.ROOT);
        List<DecidingStatement> denies = new ArrayList<>();
        List<DecidingStatement> allows = new ArrayList<>();
        for (CompiledPolicy.CompiledStatement statement : compile(trustPolicy).statements) {
            if (statement.trusts(request, action, caller)) {
                DecidingStatement deciding = new DecidingStatement(TRUST_POLICY_NAME, "", StatementScope.Inline.TRUST, statement.index,
                        PolicyType.AssumeRolePolicy);
                (statement.effect == Effect.DENY ? denies : allows).add(deciding);
            }
        }
        if (!denies.isEmpty()) {
            return new Decision(Outcome.EXPLICIT_DENY, denies, PolicyType.AssumeRolePolicy,
                    "The role's trust policy explicitly denies " + caller.describe() + " (statement " + denies.get(0).statementIndex() + ").");
        }
        if (!allows.isEmpty()) {
            return new Decision(Outcome.ALLOW, allows, PolicyType.AssumeRolePolicy,
                    "The role's trust policy trusts " + caller.describe() + " (statement " + allows.get(0).statementIndex() + ").");
        }
        return new Decision(Outcome.IMPLICIT_DENY, List.of(), PolicyType.AssumeRolePolicy,
                "The role's trust policy does not trust " + caller.describe() + "; add it to the Principal of a statement "
                        + "that allows sts:AssumeRole.");
    }

    private SetDecision decide(AccessRequest request, List<Applicable> policies) {
        String action = request.action().toLowerCase(Locale.ROOT);
        List<DecidingStatement> denies = new ArrayList<>();
        List<DecidingStatement> allows = new ArrayList<>();
        for (Applicable applicable : policies) {
            for (CompiledPolicy.CompiledStatement statement : compile(applicable.policy().document()).statements) {
                if (statement.matches(request, action)) {
                    AttachedPolicy policy = applicable.policy();
                    StatementScope scope = applicable.type() == PolicyType.SessionPolicy
                            ? StatementScope.Inline.SESSION : StatementScope.attached(policy.scope());
                    DecidingStatement deciding = new DecidingStatement(policy.name(), policy.versionId(), scope,
                            statement.index, applicable.type());
                    (statement.effect == Effect.DENY ? denies : allows).add(deciding);
                }
            }
        }
        Outcome outcome = !denies.isEmpty() ? Outcome.EXPLICIT_DENY : !allows.isEmpty() ? Outcome.ALLOW : Outcome.IMPLICIT_DENY;
        return new SetDecision(outcome, denies, allows);
    }

    private CompiledPolicy compile(PolicyDocument document) {
        SameDocument key = new SameDocument(document);
        CompiledPolicy cached = compiled.get(key);
        if (cached != null) {
            return cached;
        }
        if (compiled.size() >= MAX_CACHED) {
            compiled.clear();
        }
        return compiled.computeIfAbsent(key, same -> new CompiledPolicy(same.document(), options));
    }

    private static String what(AccessRequest request) {
        return request.action() + " on " + request.resourceArn();
    }

    private static String where(List<DecidingStatement> deciding) {
        DecidingStatement first = deciding.get(0);
        String scope;
        if (first.scope() instanceof StatementScope.Inline inline) {
            scope = "the " + inline.label() + " policy";
        } else if (((StatementScope.Attached) first.scope()).scope() instanceof PolicyScope.ResourceGroup group) {
            scope = "attached to resource group " + group.id();
        } else {
            scope = "attached to the account";
        }
        String more = deciding.size() > 1 ? " and " + (deciding.size() - 1) + " more" : "";
        return "statement " + first.statementIndex() + " of " + first.policyName()
                + (first.versionId().isEmpty() ? "" : " (" + first.versionId() + ")") + ", " + scope + more;
    }
}
