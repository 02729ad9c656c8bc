package fcperm.sandbox.auth;

import fcperm.policy.eval.AccessRequest;
import fcperm.policy.eval.AttachedPolicy;
import fcperm.policy.eval.Decision;
import fcperm.policy.eval.Evaluator;
import fcperm.policy.eval.PolicyScope;
import fcperm.policy.eval.TrustedPrincipal;
import fcperm.policy.model.PolicyDocument;
import fcperm.policy.parse.ParseResult;
import fcperm.policy.parse.PolicyParser;
import fcperm.sandbox.identity.Arn;
import fcperm.sandbox.identity.Caller;
import fcperm.sandbox.identity.GrantedPolicy;
import fcperm.sandbox.identity.PrincipalPolicies;
import fcperm.sandbox.identity.RoleTrust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a principal may do what an operation needs. The account's root key may do anything (the owner is
 * not subject to RAM policies; operations that refuse root, like AssumeRole, say so themselves). RAM users and role
 * sessions are judged by the policy engine: their policies at account scope and at the scope of the resource's
 * group, narrowed by the session policy of a role session. Every permission an operation lists must be allowed.
 */
public final class Authorizer {

    /** Stored documents were validated when written; one that no longer parses grants nothing. */
    private static final PolicyDocument GRANTS_NOTHING = new PolicyDocument(PolicyDocument.VERSION, List.of());
    private static final int MAX_CACHED_DOCUMENTS = 10_000;

    private final PrincipalPolicies policies;
    private final Evaluator evaluator;
    /** The same text may be read as a trust policy and as a permission policy; each reading is cached apart. */
    private record DocumentKey(PolicyParser.Kind kind, String json) {
    }

    private final String accountId;
    private final Map<DocumentKey, PolicyDocument> documents = new ConcurrentHashMap<>();

    public Authorizer(String accountId, PrincipalPolicies policies, Evaluator evaluator) {
        this.accountId = accountId;
        this.policies = policies;
        this.evaluator = evaluator;
    }

    public AccessDecision check(Caller principal, List<RequiredPermission> permissions, RequestContext context) {
        if (principal instanceof Caller.AccountRoot) {
            return AccessDecision.allow("the account's root key is not subject to RAM policies");
        }
        if (permissions.isEmpty()) {
            return AccessDecision.allow("the operation needs no permission");
        }
        List<AttachedPolicy> attached = attachedPolicies(principal);
        Optional<AttachedPolicy> session = sessionPolicy(principal);
        for (RequiredPermission permission : permissions) {
            Decision decision = evaluator.evaluate(request(principal, permission, context), attached, session);
            if (!decision.allowed()) {
                return AccessDecision.deny(permission, decision.outcome(), decision.policyType(), decision.explanation());
            }
        }
        return AccessDecision.allow("allowed by the principal's policies");
    }

    /** Whether the role's trust policy lets {@code caller} assume it. */
    public boolean trusts(RoleTrust role, TrustedCaller caller, RequestContext context) {
        PolicyDocument trust = document(role.trustPolicy(), PolicyParser.Kind.TRUST);
        TrustedPrincipal principal;
        String principalArn;
        if (caller instanceof TrustedCaller.Service service) {
            principal = new TrustedPrincipal.Service(service.name());
            principalArn = service.name();
        } else {
            Caller who = ((TrustedCaller.Of) caller).principal();
            List<String> arns = new ArrayList<>();
            if (who instanceof Caller.RoleSession session) {
                arns.add(session.roleArn());
            }
            arns.add(who.arn());
            principal = new TrustedPrincipal.Ram(who.accountId(), arns);
            principalArn = who.arn();
        }
        Map<String, List<String>> keys = contextKeys(context);
        keys.put("acs:PrincipalARN", List.of(principalArn));
        AccessRequest request = new AccessRequest("sts:AssumeRole", Arn.role(accountId, role.roleName()).toString(),
                principalArn, null, keys);
        return evaluator.evaluateTrust(request, trust, principal).allowed();
    }


    private List<AttachedPolicy> attachedPolicies(Caller principal) {
        List<AttachedPolicy> attached = new ArrayList<>();
        for (GrantedPolicy granted : policies.of(principal)) {
            PolicyScope scope = granted.scope().equals(principal.accountId())
                    ? PolicyScope.account() : PolicyScope.resourceGroup(granted.scope());
            attached.add(new AttachedPolicy(granted.policyName(), granted.versionId(), scope,
                    document(granted.document(), PolicyParser.Kind.PERMISSION)));
        }
        return attached;
    }

    private Optional<AttachedPolicy> sessionPolicy(Caller principal) {
        if (principal instanceof Caller.RoleSession session && session.sessionPolicy().isPresent()) {
            return Optional.of(new AttachedPolicy("session policy", "", PolicyScope.account(),
                    document(session.sessionPolicy().get(), PolicyParser.Kind.PERMISSION)));
        }
        return Optional.empty();
    }

    private AccessRequest request(Caller principal, RequiredPermission permission, RequestContext context) {
        Map<String, List<String>> keys = contextKeys(context);
        keys.put("acs:PrincipalARN", List.of(principal instanceof Caller.RoleSession session
                ? session.roleArn() : principal.arn()));
        keys.putAll(permission.context());
        return new AccessRequest(permission.action(), permission.resource(), principal.arn(),
                permission.resourceGroupId(), keys);
    }

    private static Map<String, List<String>> contextKeys(RequestContext context) {
        Map<String, List<String>> keys = new HashMap<>();
        keys.put("acs:SourceIp", List.of(context.sourceIp()));
        keys.put("acs:SecureTransport", List.of(Boolean.toString(context.secureTransport())));
        keys.put("acs:CurrentTime", List.of(context.time().toString()));
        return keys;
    }

    /** Documents are parsed once per text: the same few policies decide request after request. */
    private PolicyDocument document(String json, PolicyParser.Kind kind) {
        DocumentKey key = new DocumentKey(kind, json);
        PolicyDocument cached = documents.get(key);
        if (cached != null) {
            return cached;
        }
        if (documents.size() >= MAX_CACHED_DOCUMENTS) {
            documents.clear();
        }
        ParseResult parsed = PolicyParser.parse(json, kind);
        PolicyDocument document = parsed.document().orElse(GRANTS_NOTHING);
        documents.put(key, document);
        return document;
    }
}
