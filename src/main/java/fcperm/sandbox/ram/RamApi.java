package fcperm.sandbox.ram;

import fcperm.sandbox.auth.RequiredPermission;
import fcperm.sandbox.http.rpc.RpcApi;
import fcperm.sandbox.http.rpc.RpcBody;
import fcperm.sandbox.http.rpc.RpcErrors;
import fcperm.sandbox.http.rpc.RpcInvocation;
import fcperm.sandbox.http.rpc.RpcOperation;
import fcperm.sandbox.http.rpc.RpcProduct;
import fcperm.sandbox.http.rpc.RpcRequest;
import fcperm.sandbox.identity.AccessKey;
import fcperm.sandbox.identity.Arn;
import fcperm.sandbox.identity.Caller;
import fcperm.sandbox.identity.Policy;
import fcperm.sandbox.identity.PolicyVersion;
import fcperm.sandbox.identity.Role;
import fcperm.sandbox.identity.User;
import fcperm.sandbox.protocol.ApiError;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * RAM 2015-05-01: the operation table (the permission each action needs, on the resource ARNs of ram-policy.md §4,
 * and its handler) and the response shapes of wire-protocols.md §2.
 */
public final class RamApi implements RpcApi {

    private static final RpcProduct PRODUCT = new RpcProduct("Ram", "2015-05-01", "ram.aliyuncs.com");

    private final RamService service;
    private final String accountId;

    public RamApi(RamService service, String accountId) {
        this.service = service;
        this.accountId = accountId;
    }

    @Override
    public RpcProduct product() {
        return PRODUCT;
    }

    @Override
    public List<RpcOperation> operations() {
        return List.of(
                new RpcOperation("CreateRole", on("ram:CreateRole", role()), this::createRole),
                new RpcOperation("GetRole", on("ram:GetRole", role()), this::getRole),
                new RpcOperation("ListRoles", on("ram:ListRoles", all("role")), this::listRoles),
                new RpcOperation("UpdateRole", on("ram:UpdateRole", role()), this::updateRole),
                new RpcOperation("DeleteRole", on("ram:DeleteRole", role()), this::deleteRole),

                new RpcOperation("CreatePolicy", on("ram:CreatePolicy", policy()), this::createPolicy),
                new RpcOperation("GetPolicy", on("ram:GetPolicy", policy()), this::getPolicy),
                new RpcOperation("ListPolicies", on("ram:ListPolicies", all("policy")), this::listPolicies),
                new RpcOperation("DeletePolicy", on("ram:DeletePolicy", policy()), this::deletePolicy),
                new RpcOperation("CreatePolicyVersion", on("ram:CreatePolicyVersion", policy()), this::createPolicyVersion),
                new RpcOperation("GetPolicyVersion", on("ram:GetPolicyVersion", policy()), this::getPolicyVersion),
                new RpcOperation("ListPolicyVersions", on("ram:ListPolicyVersions", policy()), this::listPolicyVersions),
                new RpcOperation("SetDefaultPolicyVersion", on("ram:SetDefaultPolicyVersion", policy()), this::setDefaultPolicyVersion),
                new RpcOperation("DeletePolicyVersion", on("ram:DeletePolicyVersion", policy()), this::deletePolicyVersion),

                new RpcOperation("AttachPolicyToRole", on("ram:AttachPolicyToRole", policy(), role()), this::attachPolicyToRole),
                new RpcOperation("DetachPolicyFromRole", on("ram:DetachPolicyFromRole", policy(), role()), this::detachPolicyFromRole),
                new RpcOperation("ListPoliciesForRole", on("ram:ListPoliciesForRole", role()), this::listPoliciesForRole),
                new RpcOperation("ListEntitiesForPolicy", on("ram:ListEntitiesForPolicy", policy()), this::listEntitiesForPolicy),

                new RpcOperation("CreateUser", on("ram:CreateUser", user()), this::createUser),
                new RpcOperation("GetUser", on("ram:GetUser", user()), this::getUser),
                new RpcOperation("ListUsers", on("ram:ListUsers", all("user")), this::listUsers),
                new RpcOperation("DeleteUser", on("ram:DeleteUser", user()), this::deleteUser),
                new RpcOperation("CreateAccessKey", onOwnKey("ram:CreateAccessKey"), this::createAccessKey),
                new RpcOperation("ListAccessKeys", onOwnKey("ram:ListAccessKeys"), this::listAccessKeys),
                new RpcOperation("DeleteAccessKey", onOwnKey("ram:DeleteAccessKey"), this::deleteAccessKey),
                new RpcOperation("AttachPolicyToUser", on("ram:AttachPolicyToUser", policy(), user()), this::attachPolicyToUser),
                new RpcOperation("DetachPolicyFromUser", on("ram:DetachPolicyFromUser", policy(), user()), this::detachPolicyFromUser),
                new RpcOperation("ListPoliciesForUser", on("ram:ListPoliciesForUser", user()), this::listPoliciesForUser));
    }

    // ---- permissions: the action on acs:ram::<uid>:<type>/<name> for every resource the call touches

    @SafeVarargs
    private RpcOperation.Permissions on(String action, Function<RpcInvocation, String>... resources) {
        return invocation -> {
            List<RequiredPermission> required = new ArrayList<>();
            for (Function<RpcInvocation, String> resource : resources) {
                required.add(RequiredPermission.of(action, Arn.ram(accountId, resource.apply(invocation))));
            }
            return required;
        };
    }

    private static Function<RpcInvocation, String> role() {
        return invocation -> "role/" + invocation.request().required("RoleName");
    }

    private static Function<RpcInvocation, String> policy() {
        return invocation -> "policy/" + invocation.request().required("PolicyName");
    }

    private static Function<RpcInvocation, String> user() {
        return invocation -> "user/" + invocation.request().required("UserName");
    }

    private static Function<RpcInvocation, String> all(String type) {
        return invocation -> type + "/*";
    }

    /** AccessKey operations name a user, or (for a RAM user) default to the caller's own user. */
    private RpcOperation.Permissions onOwnKey(String action) {
        return on(action, invocation -> "user/" + keyOwner(invocation));
    }

    private static String keyOwner(RpcInvocation invocation) {
        return invocation.request().optional("UserName").orElseGet(() -> {
            if (invocation.caller() instanceof Caller.RamUser user) {
                return user.userName();
            }
            throw RpcErrors.missingParameter("UserName");
        });
    }

    // ---- roles

    private RpcBody createRole(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        Role role = service.createRole(request.required("RoleName"), request.required("AssumeRolePolicyDocument"),
                request.optional("Description"), request.optionalLong("MaxSessionDuration", notANumber("MaxSessionDuration")));
        return RpcBody.create().put("Role", roleBody(role, true));
    }

    private RpcBody getRole(RpcInvocation invocation) {
        return RpcBody.create().put("Role", roleBody(service.getRole(invocation.request().required("RoleName")), true));
    }

    private RpcBody listRoles(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        return paged(service.listRoles(request.optional("Marker"), maxItems(request)), "Roles", "Role",
                role -> roleBody(role, false));
    }

    private RpcBody updateRole(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        Role role = service.updateRole(request.required("RoleName"), request.optional("NewAssumeRolePolicyDocument"),
                request.optional("NewDescription"),
                request.optionalLong("NewMaxSessionDuration", notANumber("NewMaxSessionDuration")));
        return RpcBody.create().put("Role", roleBody(role, true));
    }

    private RpcBody deleteRole(RpcInvocation invocation) {
        service.deleteRole(invocation.request().required("RoleName"));
        return RpcBody.create();
    }

    private static RpcBody roleBody(Role role, boolean withTrustPolicy) {
        return RpcBody.create()
                .put("RoleId", role.roleId())
                .put("RoleName", role.roleName())
                .put("Arn", role.arn())
                .put("Description", role.description())
                .put("AssumeRolePolicyDocument", withTrustPolicy ? role.assumeRolePolicyDocument() : null)
                .put("MaxSessionDuration", role.maxSessionDuration())
                .put("CreateDate", role.createDate())
                .put("UpdateDate", role.updateDate());
    }

    // ---- policies

    private RpcBody createPolicy(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        Policy policy = service.createPolicy(request.required("PolicyName"), request.required("PolicyDocument"),
                request.optional("Description"));
        return RpcBody.create().put("Policy", RpcBody.create()
                .put("PolicyName", policy.policyName())
                .put("PolicyType", policy.policyType())
                .put("Description", policy.description())
                .put("DefaultVersion", policy.defaultVersion())
                .put("CreateDate", policy.createDate()));
    }

    private RpcBody getPolicy(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        Policy policy = service.getPolicy(request.required("PolicyType"), request.required("PolicyName"));
        PolicyVersion defaultVersion = service.getPolicyVersion(policy.policyType(), policy.policyName(), policy.defaultVersion());
        return RpcBody.create()
                .put("Policy", policyBody(policy).put("PolicyDocument", policy.document()))
                .put("DefaultPolicyVersion", versionBody(defaultVersion));
    }

    private RpcBody listPolicies(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        return paged(service.listPolicies(request.optional("PolicyType"), request.optional("Marker"), maxItems(request)),
                "Policies", "Policy", RamApi::policyBody);
    }

    private RpcBody deletePolicy(RpcInvocation invocation) {
        service.deletePolicy(invocation.request().required("PolicyName"));
        return RpcBody.create();
    }

    private RpcBody createPolicyVersion(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        PolicyVersion version = service.createPolicyVersion(request.required("PolicyName"),
                request.required("PolicyDocument"),
                request.optionalBoolean("SetAsDefault", () -> RamErrors.invalidParameter("SetAsDefault", "must be true or false."))
                        .orElse(false),
                request.optional("RotateStrategy"));
        return RpcBody.create().put("PolicyVersion", versionBody(version));
    }

    private RpcBody getPolicyVersion(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        return RpcBody.create().put("PolicyVersion", versionBody(service.getPolicyVersion(request.required("PolicyType"),
                request.required("PolicyName"), request.required("VersionId"))));
    }

    private RpcBody listPolicyVersions(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        List<PolicyVersion> versions = service.listPolicyVersions(request.required("PolicyType"), request.required("PolicyName"));
        return RpcBody.create().list("PolicyVersions", "PolicyVersion", versions.stream().map(RamApi::versionBody).toList());
    }

    private RpcBody setDefaultPolicyVersion(RpcInvocation invocation) {
        service.setDefaultPolicyVersion(invocation.request().required("PolicyName"), invocation.request().required("VersionId"));
        return RpcBody.create();
    }

    private RpcBody deletePolicyVersion(RpcInvocation invocation) {
        service.deletePolicyVersion(invocation.request().required("PolicyName"), invocation.request().required("VersionId"));
        return RpcBody.create();
    }

    private static RpcBody policyBody(Policy policy) {
        return RpcBody.create()
                .put("PolicyName", policy.policyName())
                .put("PolicyType", policy.policyType())
                .put("Description", policy.description())
                .put("DefaultVersion", policy.defaultVersion())
                .put("CreateDate", policy.createDate())
                .put("UpdateDate", policy.updateDate())
                .put("AttachmentCount", policy.attachmentCount());
    }

    private static RpcBody versionBody(PolicyVersion version) {
        return RpcBody.create()
                .put("VersionId", version.versionId())
                .put("IsDefaultVersion", version.isDefaultVersion())
                .put("PolicyDocument", version.document())
                .put("CreateDate", version.createDate());
    }

    // ---- attachments

    private RpcBody attachPolicyToRole(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        service.attachPolicyToRole(request.required("PolicyType"), request.required("PolicyName"), request.required("RoleName"));
        return RpcBody.create();
    }

    private RpcBody detachPolicyFromRole(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        service.detachPolicyFromRole(request.required("PolicyType"), request.required("PolicyName"), request.required("RoleName"));
        return RpcBody.create();
    }

    private RpcBody listPoliciesForRole(RpcInvocation invocation) {
        return attachedPolicies(service.policiesForRole(invocation.request().required("RoleName")));
    }

    private RpcBody attachPolicyToUser(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        service.attachPolicyToUser(request.required("PolicyType"), request.required("PolicyName"), request.required("UserName"));
        return RpcBody.create();
    }

    private RpcBody detachPolicyFromUser(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        service.detachPolicyFromUser(request.required("PolicyType"), request.required("PolicyName"), request.required("UserName"));
        return RpcBody.create();
    }

    private RpcBody listPoliciesForUser(RpcInvocation invocation) {
        return attachedPolicies(service.policiesForUser(invocation.request().required("UserName")));
    }

    private static RpcBody attachedPolicies(List<RamService.AttachedPolicy> attached) {
        return RpcBody.create().list("Policies", "Policy", attached.stream().map(entry -> RpcBody.create()
                .put("PolicyName", entry.policy().policyName())
                .put("PolicyType", entry.policy().policyType())
                .put("Description", entry.policy().description())
                .put("DefaultVersion", entry.policy().defaultVersion())
                .put("AttachDate", entry.attachDate())).toList());
    }

    private RpcBody listEntitiesForPolicy(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        RamService.Entities entities = service.entitiesForPolicy(request.required("PolicyType"), request.required("PolicyName"));
        return RpcBody.create()
                .list("Groups", "Group", List.of())
                .list("Users", "User", entities.users().stream().map(entry -> RpcBody.create()
                        .put("UserId", entry.user().userId())
                        .put("UserName", entry.user().userName())
                        .put("DisplayName", entry.user().displayName())
                        .put("AttachDate", entry.attachDate())).toList())
                .list("Roles", "Role", entities.roles().stream().map(entry -> RpcBody.create()
                        .put("RoleId", entry.role().roleId())
                        .put("RoleName", entry.role().roleName())
                        .put("Arn", entry.role().arn())
                        .put("Description", entry.role().description())
                        .put("AttachDate", entry.attachDate())).toList());
    }

    // ---- users and AccessKeys

    private RpcBody createUser(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        User user = service.createUser(request.required("UserName"), request.optional("DisplayName"),
                request.optional("Comments"), request.optional("Email"), request.optional("MobilePhone"));
        return RpcBody.create().put("User", userBody(user));
    }

    private RpcBody getUser(RpcInvocation invocation) {
        return RpcBody.create().put("User", userBody(service.getUser(invocation.request().required("UserName"))));
    }

    private RpcBody listUsers(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        return paged(service.listUsers(request.optional("Marker"), maxItems(request)), "Users", "User", RamApi::userBody);
    }

    private RpcBody deleteUser(RpcInvocation invocation) {
        service.deleteUser(invocation.request().required("UserName"));
        return RpcBody.create();
    }

    private static RpcBody userBody(User user) {
        return RpcBody.create()
                .put("UserId", user.userId())
                .put("UserName", user.userName())
                .put("DisplayName", user.displayName())
                .put("MobilePhone", user.mobilePhone())
                .put("Email", user.email())
                .put("Comments", user.comments())
                .put("CreateDate", user.createDate())
                .put("UpdateDate", user.updateDate());
    }

    private RpcBody createAccessKey(RpcInvocation invocation) {
        AccessKey key = service.createAccessKey(keyOwner(invocation));
        return RpcBody.create().put("AccessKey", RpcBody.create()
                .put("AccessKeyId", key.accessKeyId())
                .put("AccessKeySecret", key.secret().orElseThrow())
                .put("Status", key.status())
                .put("CreateDate", key.createDate()));
    }

    private RpcBody listAccessKeys(RpcInvocation invocation) {
        return RpcBody.create().list("AccessKeys", "AccessKey", service.listAccessKeys(keyOwner(invocation)).stream()
                .map(key -> RpcBody.create()
                        .put("AccessKeyId", key.accessKeyId())
                        .put("Status", key.status())
                        .put("CreateDate", key.createDate())).toList());
    }

    private RpcBody deleteAccessKey(RpcInvocation invocation) {
        service.deleteAccessKey(keyOwner(invocation), invocation.request().required("UserAccessKeyId"));
        return RpcBody.create();
    }

    // ---- shared shapes

    private static Supplier<ApiError> notANumber(String parameter) {
        return () -> RamErrors.invalidParameter(parameter, "is not a number.");
    }

    private static int maxItems(RpcRequest request) {
        long maxItems = request.optionalLong("MaxItems", notANumber("MaxItems")).orElse(100L);
        if (maxItems < 1 || maxItems > 1000) {
            throw RamErrors.invalidParameter("MaxItems", "must be between 1 and 1000.");
        }
        return (int) maxItems;
    }

    private static <T> RpcBody paged(MarkerPage<T> page, String listName, String itemName, Function<T, RpcBody> item) {
        return RpcBody.create()
                .put("IsTruncated", page.truncated())
                .put("Marker", page.nextMarker().orElse(null))
                .list(listName, itemName, page.items().stream().map(item).toList());
    }
}
