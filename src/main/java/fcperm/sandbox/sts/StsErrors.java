package fcperm.sandbox.sts;

import fcperm.sandbox.protocol.ApiError;

/** STS's error codes (wire-protocols.md §3.2, ram-policy.md §2.6). */
final class StsErrors {

    static final String NOT_AUTHORIZED = "You are not authorized to do this action. You should be authorized by RAM.";

    private StsErrors() {
    }

    static ApiError roleArn(String roleArn) {
        return new ApiError(400, "InvalidParameter.RoleArn", "The parameter RoleArn is wrongly formed: " + roleArn);
    }

    static ApiError roleSessionName() {
        return new ApiError(400, "InvalidParameter.RoleSessionName",
                "The parameter RoleSessionName must be 2 to 64 characters of letters, digits and . @ - _");
    }

    static ApiError durationSeconds(String detail) {
        return new ApiError(400, "InvalidParameter.DurationSeconds", detail);
    }

    static ApiError policySize() {
        return new ApiError(400, "InvalidParameter.PolicySize", "The parameter Policy must be 1 to 2048 characters long.");
    }

    static ApiError policyGrammar(String why) {
        return new ApiError(400, "InvalidParameter.PolicyGrammar", "The parameter Policy has not passed grammar check: " + why);
    }

    static ApiError externalId() {
        return new ApiError(400, "InvalidParameter.ExternalId", "The parameter ExternalId must be 2 to 1224 characters long.");
    }

    static ApiError roleNotFound(String detail) {
        return new ApiError(404, "EntityNotExist.Role", detail);
    }

    static ApiError rootMayNotAssumeRoles() {
        return new ApiError(403, "NoPermission", "Roles may not be assumed by root accounts.");
    }

    static ApiError notTrusted(String detail) {
        return new ApiError(403, "NoPermission", NOT_AUTHORIZED + " " + detail);
    }
}
