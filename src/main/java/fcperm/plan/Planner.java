package fcperm.plan;

import fcperm.cloud.Attachment;
import fcperm.cloud.CloudException;
import fcperm.cloud.CloudSession;
import fcperm.cloud.FunctionCompute;
import fcperm.cloud.RoleDetails;
import fcperm.cloud.ServiceSummary;
import fcperm.policy.eval.PolicyScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what the user chose into the steps that make it true, looking at the cloud as it is now: a role that
 * already exists is not created, a policy already attached at that scope is not attached again, a service that
 * already has the role is not bound again. Each step captures what its undo needs (e.g. the service's previous
 * role) at planning time.
 */
public final class Planner {

    public Plan plan(CloudSession session, PlanRequest request) throws CloudException {
        List<PlanStep> steps = new ArrayList<>();
        FunctionCompute fc = session.functionCompute(request.service().region());
        Optional<String> currentRole = Optional.empty();
        Optional<ServiceSummary> service = fc.findService(request.service().name());
        if (service.isPresent()) {
            currentRole = service.get().roleArn();
        } else if (request.service() instanceof ServiceChoice.NewService created) {
            steps.add(new Steps.CreateService(fc, created.name()));
        } else {
            throw CloudException.notFound("Service", request.service().name());
        }

        String roleName = request.role().name();
        Optional<RoleDetails> role = session.roles().find(roleName);
        String roleArn;
        if (request.role() instanceof RoleChoice.NewRole created && role.isEmpty()) {
            steps.add(new Steps.CreateRole(session.roles(), created.name(), created.description(),
                    created.trustPolicy()));
            roleArn = session.roles().arnOf(created.name());
        } else {
            RoleDetails details = role.orElseThrow(() -> CloudException.notFound("Role", roleName));
            roleArn = details.arn();
            if (request.role() instanceof RoleChoice.ExistingRole existing && existing.fixTrust()
                    && !details.trustsFunctionCompute()) {
                steps.add(new Steps.UpdateTrustPolicy(session.roles(), details.name(),
                        session.roles().trustPolicyWithFunctionCompute(details.trustPolicy()),
                        details.trustPolicy()));
            }
        }

        List<Attachment> attached = role.isPresent() ? session.policies().attachmentsOf(roleName) : List.of();
        for (Grant grant : request.grants()) {
            if (grant.newDocument().isPresent() && session.policies().find(grant.policyName(), grant.kind()).isEmpty()) {
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
            steps.add(new Steps.BindRole(fc, request.service().name(), roleName, roleArn, currentRole));
        }
        return new Plan(steps);
    }

    static boolean isAccount(PolicyScope scope) {
        return !(scope instanceof PolicyScope.ResourceGroup);
    }
}
