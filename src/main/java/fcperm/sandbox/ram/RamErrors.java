package fcperm.sandbox.ram;

import fcperm.sandbox.identity.AccessKey;
import fcperm.sandbox.protocol.ApiError;

/** RAM's error codes and HTTP statuses (wire-protocols.md §2.3), with messages in the cloud's style. */
final class RamErrors {

    private RamErrors() {
    }

    static ApiError invalidLength(String parameter, int min, int max) {
        return new ApiError(400, "InvalidParameter." + parameter + ".Length",
                "The parameter - " + parameter + " must be " + min + " to " + max + " characters long.");
    }

    static ApiError invalidChars(String parameter, String allowed) {
        return new ApiError(400, "InvalidParameter." + parameter + ".InvalidChars",
                "The parameter - " + parameter + " contains invalid chars; allowed: " + allowed + ".");
    }

    static ApiError invalidParameter(String parameter, String why) {
        return new ApiError(400, "InvalidParameter." + parameter, "The parameter - " + parameter + " " + why);
    }

    static ApiError malformedPolicyDocument(String why) {
        return new ApiError(400, "MalformedPolicyDocument", "The policy document is malformed: " + why);
    }

    static ApiError roleNotFound(String roleName) {
        return new ApiError(404, "EntityNotExist.Role", "The role not exists: " + roleName + ".");
    }

    static ApiError roleExists(String roleName) {
        return new ApiError(409, "EntityAlreadyExists.Role", "The role already exists: " + roleName + ".");
    }

    static ApiError roleHasPolicies(String roleName) {
        return new ApiError(409, "DeleteConflict.Role.Policy",
                "The role still has policies attached, detach them first: " + roleName + ".");
    }

    static ApiError userNotFound(String userName) {
        return new ApiError(404, "EntityNotExist.User", "The user not exists: " + userName + ".");
    }

    static ApiError userExists(String userName) {
        return new ApiError(409, "EntityAlreadyExists.User", "The user already exists: " + userName + ".");
    }

    static ApiError userHasPolicies(String userName) {
        return new ApiError(409, "DeleteConflict.User.Policy",
                "The user still has policies attached, detach them first: " + userName + ".");
    }

    static ApiError userHasAccessKeys(String userName) {
        return new ApiError(409, "DeleteConflict.User.AccessKey",
                "The user still has AccessKeys, delete them first: " + userName + ".");
    }

    static ApiError accessKeyNotFound(String accessKeyId) {
        return new ApiError(404, "EntityNotExist.User.AccessKey", "The AccessKey not exists: " + accessKeyId + ".");
    }

    static ApiError accessKeyLimit() {
        return new ApiError(409, "LimitExceeded.User.AccessKey", "A user may have at most 2 AccessKeys.");
    }

    static ApiError policyNotFound(String policyType, String policyName) {
        return new ApiError(404, "EntityNotExist.Policy", "The policy not exists: " + policyType + " " + policyName + ".");
    }

    static ApiError policyExists(String policyName) {
        return new ApiError(409, "EntityAlreadyExists.Policy", "The policy already exists: " + policyName + ".");
    }

    static ApiError policyVersionNotFound(String policyName, String versionId) {
        return new ApiError(404, "EntityNotExist.Policy.Version",
                "The policy version not exists: " + policyName + " " + versionId + ".");
    }

    static ApiError policyVersionLimit(String policyName) {
        return new ApiError(409, "LimitExceeded.Policy.Version",
                "The policy already has the maximum of 5 versions: " + policyName + ".");
    }

    static ApiError deleteDefaultVersion(String policyName, String versionId) {
        return new ApiError(409, "DeleteConflict.Policy.Version.Default",
                "The default version of a policy cannot be deleted: " + policyName + " " + versionId + ".");
    }

    static ApiError policyHasVersions(String policyName) {
        return new ApiError(409, "DeleteConflict.Policy.Version",
                "The policy still has non-default versions, delete them first: " + policyName + ".");
    }

    static ApiError policyAttachedToUser(String policyName) {
        return new ApiError(409, "DeleteConflict.Policy.User",
                "The policy is still attached to a user, detach it first: " + policyName + ".");
    }

    static ApiError policyAttachedToRole(String policyName) {
        return new ApiError(409, "DeleteConflict.Policy.Role",
                "The policy is still attached to a role, detach it first: " + policyName + ".");
    }

    static ApiError policyAlreadyAttached(String principalKind, String policyName, String principalName) {
        return new ApiError(409, "EntityAlreadyExists." + principalKind + ".Policy",
                "The policy is already attached: " + policyName + " to " + principalName + ".");
    }

    static ApiError policyNotAttached(String principalKind, String policyName, String principalName) {
        return new ApiError(404, "EntityNotExist." + principalKind + ".Policy",
                "The policy is not attached: " + policyName + " to " + principalName + ".");
    }
}
