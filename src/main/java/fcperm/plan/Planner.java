package fcperm.plan;

import fcperm.cloud.Attachment;
import fcperm.cloud.CloudException;
import fcperm.cloud.CloudSession;
import fcperm.cloud.FunctionCompute;
import fcperm.cloud.RoleDetails;
import fcperm.cloud.ServiceSummary;
import fcperm.cloud.TrustPolicies;
import fcperm.policy.eval.PolicyScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns what the user chose into the steps that make it true, looking at the cloud as it is now: a role that
 * already exists is not created, a policy already attached at that scope is not attached again, a service that
 * already has the role is not bound again. Each step captures what its undo needs (e.g. the service's previous
 * role) at planning time.
 */
public final class Planner {

    /** The name of the test function the wizard deploys into the service. */
    public static final String PROBE_FUNCTION = "fcperm-oss-probe";

    private final Supplier<byte[]> probeCode;
    private final String probeHandler;

    /** {@code probeCode}: the probe's deployable zip; {@code probeHandler}: its {@code package.Class::method}. */
    public Planner(Supplier<byte[]> probeCode, String probeHandler) {
        this.probeCode = probeCode;
        this.probeHandler = probeHandler;
    }

    public Plan plan(CloudSession session, PlanRequest request) throws CloudException {
        List<PlanStep> steps = new ArrayList<>();
        FunctionCompute fc = session.functionCompute(request.service().region());
        String serviceName = request.service().name();
        Optional<ServiceSummary> service = fc.findService(serviceName);
        Optional<String> currentRole = service.flatMap(ServiceSummary::roleArn);
        if (request.service() instanceof ServiceChoice.NewService && service.isEmpty()) {
            steps.add(new Steps.CreateService(fc, serviceName));
        } else if (request.service() instanceof ServiceChoice.NewService
                && !request.made(Change.Kind.CREATE_SERVICE, serviceName)) {
            throw taken("fc:CreateService", "ServiceAlreadyExists", "A service named \"" + serviceName
                    + "\" already exists in " + request.service().region() + ". On the Region page, choose it from "
                    + "the list or give the new service another name.");
        } else if (service.isEmpty()) {
            throw CloudException.notFound("Service", serviceName);
        }

        String roleName = request.role().name();
        Optional<RoleDetails> role = session.roles().find(roleName);
        String roleArn = planRole(session, request, role, steps);

        List<Attachment> attached = role.isPresent() ? session.policies().attachmentsOf(roleName) : List.of();
        for (Grant grant : request.grants()) {
            if (grant.newDocument().isPresent() && needsCreating(session, grant)) {
                steps.add(new Steps.CreatePolicy(session.policies(), grant.policyName(), grant.newDocument().get()));
            }
            boolean already = attached.stream().anyMatch(a -> a.policyName().equals(grant.policyName())
                    && a.kind() == grant.kind() && a.scope().equals(grant.scope()));
            if (!already) {
                steps.add(new Steps.AttachPolicy(session.policies(), grant.policyName(), grant.kind(), roleName,
                        grant.scope()));
            }
        }

        if (currentRole.filter(arn -> arn.equalsIgnoreCase(roleArn)).isEmpty()) {
            steps.add(new Steps.BindRole(fc, serviceName, roleName, roleArn, currentRole));
        }
        return new Plan(steps);
    }

    /**
     * The role's steps, and its ARN. A new role's name must be free (or taken by this session's own run); a role
     * Function Compute may not assume gets the trust fix, or the user's recorded acceptance, or no plan at all.
     */
    private String planRole(CloudSession session, PlanRequest request, Optional<RoleDetails> role,
                            List<PlanStep> steps) throws CloudException {
        RoleChoice choice = request.role();
        String roleName = choice.name();
        if (choice instanceof RoleChoice.NewRole created && role.isEmpty()) {
            steps.add(new Steps.CreateRole(session.roles(), created.name(), created.description(),
                    created.trustPolicy()));
            if (!created.functionComputeMayAssume()) {
                acceptUntrusted(choice, created.trustPolicy(), steps);
            }
            return session.roles().arnOf(created.name());
        }
        if (choice instanceof RoleChoice.NewRole && !request.made(Change.Kind.CREATE_ROLE, roleName)) {
            List<String> grants = role.isPresent() ? session.policies().attachmentsOf(roleName).stream()
                    .map(Attachment::policyName).toList() : List.of();
            throw taken("ram:CreateRole", "EntityAlreadyExists.Role", "A role named \"" + roleName
                    + "\" already exists in this account (" + (grants.isEmpty() ? "it has no policies attached"
                    : "it has " + String.join(", ", grants)) + "). On the Role page, use it or choose another name.");
        }
        RoleDetails details = role.orElseThrow(() -> CloudException.notFound("Role", roleName));
        if (!details.trustsFunctionCompute()) {
            if (choice instanceof RoleChoice.ExistingRole existing && existing.fixTrust()) {
                steps.add(new Steps.UpdateTrustPolicy(session.roles(), details.name(),
                        session.roles().trustPolicyWithFunctionCompute(details.trustPolicy()),
                        details.trustPolicy()));
            } else {
                acceptUntrusted(choice, details.trustPolicy(), steps);
            }
        }
        return details.arn();
    }

    private static void acceptUntrusted(RoleChoice choice, String trustPolicy, List<PlanStep> steps)
            throws CloudException {
        List<String> trusted = TrustPolicies.trustedPrincipals(trustPolicy);
        if (!choice.untrustedAccepted()) {
            throw new CloudException("plan", "TrustPolicyExcludesFunctionCompute", 0, "", "Function Compute ("
                    + TrustPolicies.FC_SERVICE + ") may not assume the role \"" + choice.name() + "\": its trust "
                    + "policy lets " + (trusted.isEmpty() ? "nobody" : String.join(", ", trusted)) + " assume it. "
                    + "On the Role page, let Function Compute assume it, or keep it as it is on purpose.", null);
        }
        steps.add(new KeepUntrustedRole(choice.name(), trusted));
    }

    /** A new policy is created unless one of that name exists with the same document (reused as it is). */
    private static boolean needsCreating(CloudSession session, Grant grant) throws CloudException {
        if (session.policies().find(grant.policyName(), grant.kind()).isEmpty()) {
            return true;
        }
        if (PolicyDocuments.same(session.policies().document(grant.policyName(), grant.kind()),
                grant.newDocument().orElseThrow())) {
            return false;
        }
        throw taken("ram:CreatePolicy", "EntityAlreadyExists.Policy", "A custom policy named \""
                + grant.policyName() + "\" already exists with a different document. On the Permissions page, pick "
                + "it from the list to use it as it is, or give the new policy another name.");
    }

    private static CloudException taken(String operation, String code, String sentence) {
        return new CloudException(operation, code, 409, "", sentence, null);
    }

    public Plan deployProbe(CloudSession session, ServiceChoice service) {
        return new Plan(List.of(new Steps.DeployProbe(session.functionCompute(service.region()), service.name(),
                PROBE_FUNCTION, probeHandler, probeCode)));
    }

    public Plan removeProbe(CloudSession session, ServiceChoice service) {
        return new Plan(List.of(new Steps.DeleteProbe(session.functionCompute(service.region()), service.name(),
                PROBE_FUNCTION, probeHandler, probeCode)));
    }

    public Plan createBucket(CloudSession session, String region, String bucket) {
        return new Plan(List.of(new Steps.CreateBucket(session.objects(), region, bucket)));
    }

    static boolean isAccount(PolicyScope scope) {
        return !(scope instanceof PolicyScope.ResourceGroup);
    }
}
