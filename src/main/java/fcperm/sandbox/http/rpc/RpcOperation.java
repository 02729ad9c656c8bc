package fcperm.sandbox.http.rpc;

import fcperm.sandbox.auth.RequiredPermission;

import java.util.List;

/**
 * One row of a product's operation table: the action name, the permissions it needs (evaluated before it runs) and
 * what it does. Permissions may read parameters and the store (e.g. to find the resource's group); they are
 * computed after authentication, so validation errors of a denied caller are not revealed.
 */
public record RpcOperation(String action, Permissions permissions, Handler handler) {

    @FunctionalInterface
    public interface Permissions {
        List<RequiredPermission> required(RpcInvocation invocation);
    }

    @FunctionalInterface
    public interface Handler {
        RpcBody handle(RpcInvocation invocation);
    }
}
