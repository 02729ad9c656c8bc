package fcperm.plan;

import fcperm.cloud.PolicyKind;
import fcperm.cloud.CloudException;
import fcperm.cloud.FunctionCompute;
import fcperm.cloud.ObjectStorage;
import fcperm.cloud.Policies;
import fcperm.cloud.Roles;
import fcperm.cloud.TrustPolicies;
import fcperm.policy.eval.PolicyScope;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The kinds of change a plan is made of; each knows the cloud call that makes it and the one that undoes it. */
final class Steps {

    private Steps() {
    }

    record CreateService(FunctionCompute fc, String service) implements PlanStep {
        @Override
        public Change change() {
            return new Change(Change.Kind.CREATE_SERVICE, List.of(service), "fc:CreateService", "fc:DeleteService");
        }

        @Override
        public String apply() throws CloudException {
            return fc.createService(service);
        }

        @Override
        public String undo() throws CloudException {
            return fc.deleteService(service);
        }
    }

    record CreateRole(Roles roles, String role, String description, String trustPolicy) implements PlanStep {
        @Override
        public Change change() {
            // Who may assume it, read from the document itself: the plan says what the role will really trust.
            return new Change(Change.Kind.CREATE_ROLE,
                    List.of(role, String.join(", ", TrustPolicies.trustedPrincipals(trustPolicy))),
                    "ram:CreateRole", "ram:DeleteRole");
        }

        @Override
        public String apply() throws CloudException {
            return roles.create(role, description, trustPolicy);
        }

        @Override
        public String undo() throws CloudException {
            return roles.delete(role);
        }
    }

    record UpdateTrustPolicy(Roles roles, String role, String newPolicy, String previousPolicy) implements PlanStep {
        @Override
        public Change change() {
            return new Change(Change.Kind.UPDATE_TRUST_POLICY, List.of(role), "ram:UpdateRole", "ram:UpdateRole");
        }

        @Override
        public String apply() throws CloudException {
            return roles.updateTrustPolicy(role, newPolicy);
        }

        @Override
        public String undo() throws CloudException {
            return roles.updateTrustPolicy(role, previousPolicy);
        }
    }

    record CreatePolicy(Policies policies, String policy, String document) implements PlanStep {
        @Override
        public Change change() {
            return new Change(Change.Kind.CREATE_POLICY, List.of(policy), "ram:CreatePolicy", "ram:DeletePolicy");
        }

        @Override
        public String apply() throws CloudException {
            return policies.createCustom(policy, document);
        }

        @Override
        public String undo() throws CloudException {
            return policies.deleteCustom(policy);
        }
    }

    record AttachPolicy(Policies policies, String policy, PolicyKind kind, String role, PolicyScope scope)
            implements PlanStep {
        @Override
        public Change change() {
            if (scope instanceof PolicyScope.ResourceGroup group) {
                return new Change(Change.Kind.ATTACH_POLICY_RESOURCE_GROUP, List.of(policy, role, group.id()),
                        "resourcemanager:AttachPolicy", "resourcemanager:DetachPolicy");
            }
            return new Change(Change.Kind.ATTACH_POLICY_ACCOUNT, List.of(policy, role),
                    "ram:AttachPolicyToRole", "ram:DetachPolicyFromRole");
        }

        @Override
        public String apply() throws CloudException {
            return policies.attach(policy, kind, role, scope);
        }

        @Override
        public String undo() throws CloudException {
            return policies.detach(policy, kind, role, scope);
        }
    }

    record BindRole(FunctionCompute fc, String service, String role, String roleArn, Optional<String> previousArn)
            implements PlanStep {
        @Override
        public Change change() {
            return new Change(Change.Kind.BIND_ROLE, List.of(role, service), "fc:UpdateService", "fc:UpdateService");
        }

        @Override
        public String apply() throws CloudException {
            return fc.setServiceRole(service, roleArn);
        }

        @Override
        public String undo() throws CloudException {
            return fc.setServiceRole(service, previousArn.orElse(""));
        }
    }

    record DeployProbe(FunctionCompute fc, String service, String function, String handler, Supplier<byte[]> code)
            implements PlanStep {
        @Override
        public Change change() {
            return new Change(Change.Kind.DEPLOY_PROBE, List.of(function, service), "fc:CreateFunction",
                    "fc:DeleteFunction");
        }

        @Override
        public String apply() throws CloudException {
            return fc.deployFunction(service, function, handler, code.get());
        }

        @Override
        public String undo() throws CloudException {
            return fc.deleteFunction(service, function);
        }
    }

    record DeleteProbe(FunctionCompute fc, String service, String function, String handler, Supplier<byte[]> code)
            implements PlanStep {
        @Override
        public Change change() {
            return new Change(Change.Kind.DELETE_PROBE, List.of(function, service), "fc:DeleteFunction",
                    "fc:CreateFunction");
        }

        @Override
        public String apply() throws CloudException {
            return fc.deleteFunction(service, function);
        }

        @Override
        public String undo() throws CloudException {
            return fc.deployFunction(service, function, handler, code.get());
        }
    }

    record CreateBucket(ObjectStorage objects, String region, String bucket) implements PlanStep {
        @Override
        public Change change() {
            return new Change(Change.Kind.CREATE_BUCKET, List.of(bucket, region), "oss:PutBucket", "oss:DeleteBucket");
        }

        @Override
        public String apply() throws CloudException {
            return objects.createBucket(bucket, region);
        }

        @Override
        public String undo() throws CloudException {
            return objects.deleteBucket(bucket);
        }
    }
}
