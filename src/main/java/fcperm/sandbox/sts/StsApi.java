package fcperm.sandbox.sts;

import fcperm.sandbox.auth.Principal;
import fcperm.sandbox.protocol.RpcApi;
import fcperm.sandbox.protocol.RpcBody;
import fcperm.sandbox.protocol.RpcInvocation;
import fcperm.sandbox.protocol.RpcOperation;
import fcperm.sandbox.protocol.RpcProduct;

import java.util.List;

/** STS 2015-04-01: the operation table and the response shapes. */
public final class StsApi implements RpcApi {

    private static final RpcProduct PRODUCT = new RpcProduct("Sts", "2015-04-01", "sts.aliyuncs.com");

    @Override
    public RpcProduct product() {
        return PRODUCT;
    }

    @Override
    public List<RpcOperation> operations() {
        return List.of(
                // anyone who can sign a request may ask who they are
                new RpcOperation("GetCallerIdentity", invocation -> List.of(), this::getCallerIdentity));
    }

    private RpcBody getCallerIdentity(RpcInvocation invocation) {
        Principal caller = invocation.caller();
        RpcBody body = RpcBody.create()
                .put("AccountId", caller.accountId())
                .put("IdentityType", caller.identityType())
                .put("Arn", caller.arn())
                .put("PrincipalId", caller.principalId());
        if (caller instanceof Principal.RoleSession session) {
            body.put("RoleId", session.roleId());
        } else {
            body.put("UserId", caller.principalId());
        }
        return body;
    }
}
