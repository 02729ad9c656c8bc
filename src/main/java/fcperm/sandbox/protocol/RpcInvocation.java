package fcperm.sandbox.protocol;

import fcperm.sandbox.identity.Caller;
import fcperm.sandbox.auth.RequestContext;

/** An authenticated RPC call: what was asked, by whom, and the facts policy conditions may test. */
public record RpcInvocation(RpcRequest request, Caller caller, RequestContext context) {
}
