package fcperm.sandbox.http.fc;

import fcperm.sandbox.protocol.ApiError;

/** Function Compute 2.0's error codes and HTTP statuses (wire-protocols.md §6.6), with FC's wording. */
public final class FcErrors {

    private FcErrors() {
    }

    public static ApiError invalidArgument(String message) {
        return new ApiError(400, "InvalidArgument", message);
    }

    public static ApiError pathNotSupported(String method, String path) {
        return new ApiError(400, "PathNotSupported", "Path " + method + " " + path + " is not supported.");
    }

    public static ApiError entityTooLarge(String message) {
        return new ApiError(400, "EntityTooLarge", message);
    }

    public static ApiError serviceNotFound(String service) {
        return new ApiError(404, "ServiceNotFound", "service '" + service + "' does not exist");
    }

    public static ApiError functionNotFound(String service, String function) {
        return new ApiError(404, "FunctionNotFound", "function '" + function + "' does not exist in service '" + service + "'");
    }

    public static ApiError serviceAlreadyExists(String service) {
        return new ApiError(409, "ServiceAlreadyExists", "service '" + service + "' already exists");
    }

    public static ApiError functionAlreadyExists(String service, String function) {
        return new ApiError(409, "FunctionAlreadyExists",
                "function '" + function + "' already exists in service '" + service + "'");
    }

    public static ApiError serviceNotEmpty(String service) {
        return new ApiError(412, "ServiceNotEmpty", "service '" + service + "' is not empty: delete its functions first");
    }

    public static ApiError preconditionFailed(String what) {
        return new ApiError(412, "PreconditionFailed", "the resource's etag does not match If-Match for " + what);
    }

    /** FC refuses to bind a role it cannot assume (its trust policy does not name fc.aliyuncs.com). */
    public static ApiError cannotAssumeRole(String roleArn) {
        return new ApiError(403, "AccessDenied", "No permission to assume the role '" + roleArn + "' for you. "
                + "The role's trust policy must allow the service fc.aliyuncs.com to call sts:AssumeRole.");
    }

    public static ApiError roleNotFound(String roleArn) {
        return new ApiError(400, "InvalidArgument", "role '" + roleArn + "' does not exist");
    }

    public static ApiError unsupportedRuntime(String runtime) {
        return new ApiError(400, "InvalidArgument", "runtime '" + runtime + "' is not supported by the sandbox: "
                + "it runs java8 and java11 functions only (the code is executed in a local JVM)");
    }
}
