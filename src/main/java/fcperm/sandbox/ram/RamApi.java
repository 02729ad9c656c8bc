package fcperm.sandbox.ram;

import fcperm.sandbox.auth.RequiredPermission;
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

/** RAM 2015-05-01: the operation table (permission + handler per action) and the response shapes. */
public final class RamApi implements RpcApi {

    private static final RpcProduct PRODUCT = new RpcProduct("Ram", "2015-05-01", "ram.aliyuncs.com");

    private final RamService service;
    private final String accountId;

    public RamApi(Database database, String accountId, Clock clock) {
        this.service = new RamService(database, new RamStore(accountId), clock);
        this.accountId = accountId;
    }

    @Override
    public RpcProduct product() {
        return PRODUCT;
    }

    @Override
    public List<RpcOperation> operations() {
        return List.of(
                new RpcOperation("CreateRole", onRole("ram:CreateRole"), this::createRole),
                new RpcOperation("GetRole", onRole("ram:GetRole"), this::getRole),
                new RpcOperation("ListRoles", onAll("ram:ListRoles", "role/*"), this::listRoles));
    }

    // ---- permissions (ram-policy.md §4: acs:ram::<uid>:role/<name> and the like)

    private RpcOperation.Permissions onRole(String action) {
        return on(action, request -> "role/" + request.required("RoleName"));
    }

    private RpcOperation.Permissions onAll(String action, String resource) {
        return on(action, request -> resource);
    }

    private RpcOperation.Permissions on(String action, Function<RpcRequest, String> resource) {
        return invocation -> List.of(RequiredPermission.of(action,
                "acs:ram::" + accountId + ":" + resource.apply(invocation.request())));
    }

    // ---- roles

    private RpcBody createRole(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        Role role = service.createRole(request.required("RoleName"), request.required("AssumeRolePolicyDocument"),
                request.optional("Description"),
                request.optionalLong("MaxSessionDuration", () -> RamErrors.invalidParameter("MaxSessionDuration", "is not a number.")));
        return RpcBody.create().put("Role", roleBody(role, true));
    }

    private RpcBody getRole(RpcInvocation invocation) {
        return RpcBody.create().put("Role", roleBody(service.getRole(invocation.request().required("RoleName")), true));
    }

    private RpcBody listRoles(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        Page<Role> page = service.listRoles(request.optional("Marker"), maxItems(request));
        return paged(page, "Roles", "Role", role -> roleBody(role, false));
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

    // ---- shared shapes

    private static int maxItems(RpcRequest request) {
        long maxItems = request.optionalLong("MaxItems", () -> RamErrors.invalidParameter("MaxItems", "is not a number."))
                .orElse(100L);
        if (maxItems < 1 || maxItems > 1000) {
            throw RamErrors.invalidParameter("MaxItems", "must be between 1 and 1000.");
        }
        return (int) maxItems;
    }

    private static <T> RpcBody paged(Page<T> page, String listName, String itemName, Function<T, RpcBody> item) {
        return RpcBody.create()
                .put("IsTruncated", page.truncated())
                .put("Marker", page.nextMarker().orElse(null))
                .list(listName, itemName, page.items().stream().map(item).toList());
    }
}
