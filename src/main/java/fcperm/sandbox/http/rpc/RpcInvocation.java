package fcperm.sandbox.http.rpc;

import fcperm.sandbox.auth.RequestContext;
import fcperm.sandbox.identity.Caller;

/** An authenticated RPC call: what was asked, by whom, and the facts policy conditions may test. */
public record RpcInvocation(RpcRequest request, Caller caller, RequestContext context) {
}
