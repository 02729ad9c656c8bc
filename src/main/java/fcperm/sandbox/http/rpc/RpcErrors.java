package fcperm.sandbox.http.rpc;

import fcperm.sandbox.protocol.ApiError;
/** The errors every POP RPC product shares (the gateway's, before any service rule), with the cloud's codes. */
public final class RpcErrors {

    private RpcErrors() {
    }

    /** A business parameter is missing; the message names it as the cloud does. */
    public static ApiError missingParameter(String name) {
        return new ApiError(400, "MissingParameter",
                "The input parameter \"" + name + "\" that is mandatory for processing this request is not supplied.");
    }

    /** A common (gateway) parameter is missing: the code names it, e.g. {@code MissingSignatureNonce}. */
    public static ApiError missingCommonParameter(String name) {
        return new ApiError(400, "Missing" + name,
                "The input parameter \"" + name + "\" that is mandatory for processing this request is not supplied.");
    }

    public static ApiError invalidParameter(String name, String value) {
        return new ApiError(400, "InvalidParameter", "The specified parameter \"" + name + "\" is not valid: " + value);
    }

    public static ApiError unknownAction(String action) {
        return new ApiError(404, "InvalidAction.NotFound",
                "Specified api is not found, please check your url and method. Action: " + action);
    }

    public static ApiError unknownVersion(String version) {
        return new ApiError(400, "InvalidVersion", "Specified parameter Version is not valid: " + version);
    }

    public static ApiError timestampFormat() {
        return new ApiError(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
    }

    public static ApiError unsupportedSignatureMethod(String method) {
        return new ApiError(400, "InvalidSignatureMethod", "Specified signature method is not valid: " + method);
    }

    public static ApiError unsupportedSignatureVersion(String version) {
        return new ApiError(400, "InvalidSignatureVersion", "Specified signature version is not valid: " + version);
    }
}
