package fcperm.sandbox.resourcemanager;

import fcperm.sandbox.auth.Account;
import fcperm.sandbox.auth.RequiredPermission;
import fcperm.sandbox.auth.SystemPolicies;
import fcperm.sandbox.protocol.RpcApi;
import fcperm.sandbox.protocol.RpcBody;
import fcperm.sandbox.protocol.RpcInvocation;
import fcperm.sandbox.protocol.RpcOperation;
import fcperm.sandbox.protocol.RpcProduct;
import fcperm.sandbox.protocol.RpcRequest;
import fcperm.sandbox.store.Database;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Resource Manager 2020-03-31: the operation table (permissions on {@code acs:resourcemanager::<uid>:resourcegroup/<id>})
 * and the response shapes of wire-protocols.md §4 (PageNumber/PageSize/TotalCount paging, nested lists).
 */
public final class ResourceManagerApi implements RpcApi {

    private static final RpcProduct PRODUCT = new RpcProduct("ResourceManager", "2020-03-31", "resourcemanager.aliyuncs.com");
    private static final int DEFAULT_PAGE_SIZE = 10;
    private static final int MAX_PAGE_SIZE = 100;

    private final ResourceManagerService service;

    public ResourceManagerApi(Database database, Account account, SystemPolicies systemPolicies, Clock clock) {
        this.service = new ResourceManagerService(database, account, systemPolicies, clock);
    }

    @Override
    public RpcProduct product() {
        return PRODUCT;
    }

    @Override
    public List<RpcOperation> operations() {
        return List.of(
                new RpcOperation("ListResourceGroups", on("resourcemanager:ListResourceGroups", r -> "*"), this::listGroups),
                new RpcOperation("GetResourceGroup", on("resourcemanager:GetResourceGroup",
                        r -> r.required("ResourceGroupId")), this::getGroup),
                new RpcOperation("CreateResourceGroup", on("resourcemanager:CreateResourceGroup", r -> "*"), this::createGroup),
                new RpcOperation("AttachPolicy", on("resourcemanager:AttachPolicy", ResourceManagerApi::scopeOf), this::attach),
                new RpcOperation("DetachPolicy", on("resourcemanager:DetachPolicy", ResourceManagerApi::scopeOf), this::detach),
                new RpcOperation("ListPolicyAttachments", on("resourcemanager:ListPolicyAttachments",
                        r -> r.optional("ResourceGroupId").orElse("*")), this::listAttachments),
                new RpcOperation("ListResources", on("resourcemanager:ListResources",
                        r -> r.optional("ResourceGroupId").orElse("*")), this::listResources));
    }

    private RpcOperation.Permissions on(String action, Function<RpcRequest, String> groupOf) {
        return invocation -> List.of(RequiredPermission.of(action,
                "acs:resourcemanager::" + service.accountId() + ":resourcegroup/" + groupOf.apply(invocation.request())));
    }

    /** An attachment at account scope is on the account; at group scope on that group. */
    private static String scopeOf(RpcRequest request) {
        return request.required("ResourceGroupId");
    }

    private RpcBody listGroups(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        ResourceManagerService.Page<ResourceGroup> page = service.listGroups(request.optional("ResourceGroupId"),
                request.optional("Name"), request.optional("Status"), pageNumber(request), pageSize(request));
        return paged(page).list("ResourceGroups", "ResourceGroup", page.items().stream().map(this::groupBody).toList());
    }

    private RpcBody getGroup(RpcInvocation invocation) {
        ResourceGroup group = service.getGroup(invocation.request().required("ResourceGroupId"));
        RpcBody body = groupBody(group).list("RegionStatuses", "RegionStatus",
                List.of(RpcBody.create().put("RegionId", invocation.request().regionId()).put("Status", group.status())));
        return RpcBody.create().put("ResourceGroup", body);
    }

    private RpcBody createGroup(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        ResourceGroup group = service.createGroup(request.required("Name"), request.required("DisplayName"));
        return RpcBody.create().put("ResourceGroup", groupBody(group));
    }

    private RpcBody attach(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        service.attachPolicy(request.required("PolicyType"), request.required("PolicyName"),
                request.required("PrincipalType"), request.required("PrincipalName"), request.required("ResourceGroupId"));
        return RpcBody.create();
    }

    private RpcBody detach(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        service.detachPolicy(request.required("PolicyType"), request.required("PolicyName"),
                request.required("PrincipalType"), request.required("PrincipalName"), request.required("ResourceGroupId"));
        return RpcBody.create();
    }

    private RpcBody listAttachments(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        ResourceManagerService.Page<PolicyAttachment> page = service.listAttachments(request.optional("ResourceGroupId"),
                request.optional("PolicyType"), request.optional("PolicyName"), request.optional("PrincipalType"),
                request.optional("PrincipalName"), pageNumber(request), pageSize(request));
        return paged(page).list("PolicyAttachments", "PolicyAttachment", page.items().stream().map(attachment -> RpcBody.create()
                .put("PolicyName", attachment.policyName())
                .put("PolicyType", attachment.policyType())
                .put("Description", attachment.description())
                .put("PrincipalName", attachment.principalName())
                .put("PrincipalType", attachment.principalType())
                .put("ResourceGroupId", attachment.resourceGroupId())
                .put("AttachDate", attachment.attachDate())).toList());
    }

    private RpcBody listResources(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        ResourceManagerService.Page<GroupedResource> page = service.listResources(request.optional("ResourceGroupId"),
                request.optional("Service"), request.optional("Region"), request.optional("ResourceType"),
                request.optional("ResourceId"), pageNumber(request), pageSize(request));
        return paged(page).list("Resources", "Resource", page.items().stream().map(resource -> RpcBody.create()
                .put("Service", resource.service())
                .put("ResourceType", resource.resourceType())
                .put("ResourceId", resource.resourceId())
                .put("RegionId", resource.regionId())
                .put("ResourceGroupId", resource.resourceGroupId())
                .put("CreateDate", resource.createDate())).toList());
    }

    private RpcBody groupBody(ResourceGroup group) {
        return RpcBody.create()
                .put("Id", group.id())
                .put("Name", group.name())
                .put("DisplayName", group.displayName())
                .put("AccountId", service.accountId())
                .put("Status", group.status())
                .put("CreateDate", group.createDate());
    }

    private static RpcBody paged(ResourceManagerService.Page<?> page) {
        return RpcBody.create().put("PageNumber", page.pageNumber()).put("PageSize", page.pageSize())
                .put("TotalCount", page.totalCount());
    }

    private static int pageNumber(RpcRequest request) {
        long value = request.optionalLong("PageNumber", () -> ResourceManagerErrors.invalidParameter("PageNumber", "not a number"))
                .orElse(1L);
        if (value < 1) {
            throw ResourceManagerErrors.invalidParameter("PageNumber", "pages start at 1");
        }
        return (int) value;
    }

    private static int pageSize(RpcRequest request) {
        long value = request.optionalLong("PageSize", () -> ResourceManagerErrors.invalidParameter("PageSize", "not a number"))
                .orElse((long) DEFAULT_PAGE_SIZE);
        if (value < 1 || value > MAX_PAGE_SIZE) {
            throw ResourceManagerErrors.invalidParameter("PageSize", "use 1 to " + MAX_PAGE_SIZE);
        }
        return (int) value;
    }
}
