package fcperm.sandbox.sts;

import fcperm.sandbox.auth.RequiredPermission;
import fcperm.sandbox.http.rpc.RpcApi;
import fcperm.sandbox.http.rpc.RpcBody;
import fcperm.sandbox.http.rpc.RpcInvocation;
import fcperm.sandbox.http.rpc.RpcOperation;
import fcperm.sandbox.http.rpc.RpcProduct;
import fcperm.sandbox.http.rpc.RpcRequest;
import fcperm.sandbox.identity.Arn;
import fcperm.sandbox.identity.Caller;
import fcperm.sandbox.identity.IssuedSession;

import java.util.List;

/** STS 2015-04-01: the operation table and the response shapes. */
public final class StsApi implements RpcApi {

    private static final RpcProduct PRODUCT = new RpcProduct("Sts", "2015-04-01", "sts.aliyuncs.com");

    private final StsService service;
    private final String accountId;

    public StsApi(StsService service, String accountId) {
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
                new RpcOperation("AssumeRole", this::assumeRolePermission, this::assumeRole),
                // anyone who can sign a request may ask who they are
                new RpcOperation("GetCallerIdentity", invocation -> List.of(), this::getCallerIdentity));
    }

    /** Decision A of ram-policy.md §2.6: the caller's own policies must allow sts:AssumeRole on the role. */
    private List<RequiredPermission> assumeRolePermission(RpcInvocation invocation) {
        String roleName = StsService.roleArn(invocation.request().required("RoleArn")).roleName().orElseThrow();
        return List.of(RequiredPermission.of("sts:AssumeRole", Arn.role(accountId, roleName)));
    }

    private RpcBody assumeRole(RpcInvocation invocation) {
        RpcRequest request = invocation.request();
        IssuedSession session = service.assumeRole(invocation.caller(), request.required("RoleArn"),
                request.required("RoleSessionName"),
                request.optionalLong("DurationSeconds", () -> StsErrors.durationSeconds("DurationSeconds is not a number.")),
                request.optional("Policy"), request.optional("ExternalId"), invocation.context());
        return RpcBody.create()
                .put("AssumedRoleUser", RpcBody.create()
                        .put("Arn", session.assumedRoleArn())
                        .put("AssumedRoleId", session.assumedRoleId()))
                .put("Credentials", RpcBody.create()
                        .put("AccessKeyId", session.credentials().accessKeyId())
                        .put("AccessKeySecret", session.credentials().accessKeySecret())
                        .put("SecurityToken", session.credentials().securityToken().orElseThrow())
                        .put("Expiration", session.credentials().expiration().orElseThrow().toString()));
    }

    private RpcBody getCallerIdentity(RpcInvocation invocation) {
        Caller caller = invocation.caller();
        RpcBody body = RpcBody.create()
                .put("AccountId", caller.accountId())
                .put("IdentityType", caller.identityType())
                .put("Arn", caller.arn())
                .put("PrincipalId", caller.principalId());
        if (caller instanceof Caller.RoleSession session) {
            body.put("RoleId", session.roleId());
        } else {
            body.put("UserId", caller.principalId());
        }
        return body;
    }
}
