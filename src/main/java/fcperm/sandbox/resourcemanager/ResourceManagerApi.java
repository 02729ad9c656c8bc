package fcperm.sandbox.resourcemanager;

import fcperm.sandbox.auth.RequiredPermission;
import fcperm.sandbox.http.rpc.RpcApi;
import fcperm.sandbox.http.rpc.RpcBody;
import fcperm.sandbox.http.rpc.RpcInvocation;
import fcperm.sandbox.http.rpc.RpcOperation;
import fcperm.sandbox.http.rpc.RpcProduct;
import fcperm.sandbox.http.rpc.RpcRequest;
import fcperm.sandbox.identity.Arn;
import fcperm.sandbox.identity.GroupQuery;
import fcperm.sandbox.identity.GroupedResource;
import fcperm.sandbox.identity.PageRequest;
import fcperm.sandbox.identity.ResourceGroupRecord;
import fcperm.sandbox.identity.ResourceQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resource Manager 2020-03-31: the operation table and the response shapes of wire-protocols.md §4 (PageNumber /
 * PageSize / TotalCount paging, lists nested as {@code ResourceGroups.ResourceGroup[]}).
 *
 * <p>Permissions are the ones Resource Manager's RAM-authorization reference lists: its resource-group operations are
 * RAM actions ({@code ram:CreateResourceGroup} on {@code acs:ram:*:<uid>:resourcegroup/*}, {@code ram:AttachPolicy}
 * on the policy and on the principal, {@code ram:ListPolicyAttachments} on {@code acs:ram:*:<uid>:*}, ...), not
 * {@code resourcemanager:} ones. Like RAM's own operations they are granted at account scope only.
 */
public final class ResourceManagerApi implements RpcApi {

    private static final RpcProduct PRODUCT = new RpcProduct("ResourceManager", "2020-03-31", "resourcemanager.aliyuncs.com");
    private static final int DEFAULT_PAGE_SIZE = 10;
    private static final int MAX_PAGE_SIZE = 100;

    private final ResourceManagerService service;
    private final String accountId;

    public ResourceManagerApi(ResourceManagerService service) {
        this.service = service;
        this.accountId = service.accountId();
    }

    @Override
    public RpcProduct product() {
        return PRODUCT;
    }

    @Override
    public List<RpcOperation> operations() {
        return List.of(
                new RpcOperation("ListResourceGroups", onGroup("ram:ListResourceGroups", r -> "*"), this::listGroups),
                new RpcOperation("GetResourceGroup",
                        onGroup("ram:GetResourceGroup", r -> r.required("ResourceGroupId")), this::getGroup),
                new RpcOperation("CreateResourceGroup", onGroup("ram:CreateResourceGroup", r -> "*"), this::createGroup),
                new RpcOperation("UpdateResourceGroup",
                        onGroup("ram:UpdateResourceGroup", r -> r.required("ResourceGroupId")), this::updateGroup),
                new RpcOperation("AttachPolicy", onPolicyAndPrincipal("ram:AttachPolicy"), this::attach),
                new RpcOperation("DetachPolicy", onPolicyAndPrincipal("ram:DetachPolicy"), this::detach),
                new RpcOperation("ListPolicyAttachments", invocation -> List.of(RequiredPermission.of(
                        "ram:ListPolicyAttachments", Arn.ram(accountId, "*"))), this::listAttachments),
                new RpcOperation("ListResources", onGroup("ram:ListResources",
                        r -> r.optional("ResourceGroupId").orElse("*")), this::listResources));
    }

    // ---- permissions

    private RpcOperation.Permissions onGroup(String action, Function<RpcRequest, String> group) {
        return invocation -> List.of(RequiredPermission.of(action,
                Arn.ram(accountId, "resourcegroup/" + group.apply(invocation.request()))));
    }

    /** Attaching needs the action on the policy and on the principal (a RAM user or group is an {@code ims} resource). */
    private RpcOperation.Permissions onPolicyAndPrincipal(String action) {
        return invocation -> {
            RpcRequest request = invocation.request();
            String policyName = request.required("PolicyName");
            String policyOwner = request.required("PolicyType").equals("System") ? "system" : accountId;
            List<RequiredPermission> required = new ArrayList<>();
            required.add(RequiredPermission.of(action, Arn.ram(policyOwner, "policy/" + policyName)));
            String principal = PrincipalNames.leadingName(request.required("PrincipalName"));
            Arn principalResource = switch (request.required("PrincipalType")) {
                case PrincipalNames.USER -> Arn.ims(accountId, "user/" + principal);
                case PrincipalNames.GROUP -> Arn.ims(accountId, "group/" + principal);
                case PrincipalNames.ROLE -> Arn.role(accountId, principal);
                default -> null; // not a principal type: the operation refuses it with InvalidParameter.PrincipalType
            };
            if (principalResource != null) {
                required.add(RequiredPermission.of(action, principalResource));
            }
            return required;
        };
    }

    // ---- resource groups

    private RpcBody listGroups(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        List<String> ids = request.indexed("ResourceGroupIds");
        GroupQuery query = new GroupQuery(ids.isEmpty() ? request.optional("ResourceGroupId").stream().toList() : ids,
                request.optional("Name"), request.optional("DisplayName"), request.optional("Status"));
        NumberedPage<ResourceGroupRecord> page = service.listGroups(query, page(request));
        return paged(page).list("ResourceGroups", "ResourceGroup", page.items().stream().map(this::groupBody).toList());
    }

    private RpcBody getGroup(RpcInvocation invocation) {
        ResourceGroupRecord group = service.getGroup(invocation.request().required("ResourceGroupId"));
        return RpcBody.create().put("ResourceGroup", withRegionStatus(group, invocation));
    }

    private RpcBody createGroup(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        ResourceGroupRecord group = service.createGroup(
                request.optional("Name").orElseThrow(() -> ResourceManagerErrors.missingParameter("Name")),
                request.optional("DisplayName").orElseThrow(() -> ResourceManagerErrors.missingParameter("DisplayName")));
        return RpcBody.create().put("ResourceGroup", withRegionStatus(group, invocation));
    }

    private RpcBody updateGroup(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        ResourceGroupRecord group = service.updateGroup(request.required("ResourceGroupId"), request.required("NewDisplayName"));
        return RpcBody.create().put("ResourceGroup", groupBody(group));
    }

    private RpcBody groupBody(ResourceGroupRecord group) {
        return RpcBody.create()
                .put("Id", group.id())
                .put("Name", group.name())
                .put("DisplayName", group.displayName())
                .put("AccountId", accountId)
                .put("Status", group.status())
                .put("CreateDate", group.createDate());
    }

    /** A group is in every region at once here: the region status reported is the caller's region. */
    private RpcBody withRegionStatus(ResourceGroupRecord group, RpcInvocation invocation) {
        return groupBody(group).list("RegionStatuses", "RegionStatus", List.of(RpcBody.create()
                .put("RegionId", invocation.request().regionId()).put("Status", group.status())));
    }

    // ---- policy attachments

    private RpcBody attach(RpcInvocation invocation) {
        service.attachPolicy(grant(invocation.request()));
        return RpcBody.create();
    }

    private RpcBody detach(RpcInvocation invocation) {
        service.detachPolicy(grant(invocation.request()));
        return RpcBody.create();
    }

    private static PolicyGrant grant(RpcRequest request) {
        return new PolicyGrant(request.required("PolicyType"), request.required("PolicyName"), request.required("PrincipalType"),
                request.required("PrincipalName"), request.required("ResourceGroupId"));
    }

    /** {@code Language} picks the language of system policy descriptions; the catalog has English ones only. */
    private RpcBody listAttachments(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        NumberedPage<PolicyAttachment> page = service.listAttachments(request.optional("ResourceGroupId"),
                request.optional("PolicyType"), request.optional("PolicyName"), request.optional("PrincipalType"),
                request.optional("PrincipalName"), page(request));
        return paged(page).list("PolicyAttachments", "PolicyAttachment", page.items().stream().map(attachment -> RpcBody.create()
                .put("PolicyName", attachment.policyName())
                .put("PolicyType", attachment.policyType())
                .put("Description", attachment.description())
                .put("PrincipalName", attachment.principalName())
                .put("PrincipalType", attachment.principalType())
                .put("ResourceGroupId", attachment.resourceGroupId())
                .put("AttachDate", attachment.attachDate())).toList());
    }

    // ---- grouped resources

    private RpcBody listResources(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        ResourceQuery query = new ResourceQuery(request.optional("ResourceGroupId"), request.optional("Service"),
                request.optional("Region"), request.optional("ResourceType"), request.optional("ResourceId"),
                resourceTypes(request));
        NumberedPage<GroupedResource> page = service.listResources(query, page(request));
        return paged(page).list("Resources", "Resource", page.items().stream().map(resource -> RpcBody.create()
                .put("Service", resource.service())
                .put("ResourceType", resource.resourceType())
                .put("ResourceId", resource.resourceId())
                .put("RegionId", resource.regionId())
                .put("ResourceGroupId", resource.resourceGroupId())
                .put("CreateDate", resource.createDate())).toList());
    }

    /** {@code ResourceTypes.N.Service} with an optional {@code ResourceTypes.N.ResourceType}, N from 1. */
    private static List<ResourceQuery.ResourceType> resourceTypes(RpcRequest request) {
        List<ResourceQuery.ResourceType> types = new ArrayList<>();
        for (int n = 1; ; n++) {
            String prefix = "ResourceTypes." + n + ".";
            Optional<String> resourceType = request.optional(prefix + "ResourceType");
            Optional<String> typeService = request.optional(prefix + "Service");
            if (typeService.isEmpty() && resourceType.isEmpty()) {
                return types;
            }
            types.add(new ResourceQuery.ResourceType(request.required(prefix + "Service"), resourceType));
        }
    }

    // ---- paging

    private static RpcBody paged(NumberedPage<?> page) {
        return RpcBody.create().put("PageNumber", page.request().number()).put("PageSize", page.request().size())
                .put("TotalCount", page.totalCount());
    }

    private static PageRequest page(RpcRequest request) {
        long number = request.optionalLong("PageNumber",
                () -> ResourceManagerErrors.invalidPaging("PageNumber", "it is not a number")).orElse(1L);
        if (number < 1 || number > Integer.MAX_VALUE) {
            throw ResourceManagerErrors.invalidPaging("PageNumber", "use a whole number from 1 (pages start at 1)");
        }
        long size = request.optionalLong("PageSize",
                () -> ResourceManagerErrors.invalidPaging("PageSize", "it is not a number")).orElse((long) DEFAULT_PAGE_SIZE);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ResourceManagerErrors.invalidPaging("PageSize", "use 1 to " + MAX_PAGE_SIZE);
        }
        return new PageRequest((int) number, (int) size);
    }
}
