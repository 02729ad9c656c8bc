package fcperm.sandbox.resourcemanager;

import fcperm.sandbox.protocol.ApiError;

import java.util.Locale;

/**
 * Resource Manager's error codes. Codes and statuses are the ones the API reference lists for each operation
 * (CreateResourceGroup, GetResourceGroup, AttachPolicy); attachment conflicts use RAM's codes, which Resource Manager
 * shares for the policies it attaches (its error table lists RAM's {@code DeleteConflict.*} family). Messages start
 * with the cloud's sentence and add what to do.
 */
final class ResourceManagerErrors {

    private ResourceManagerErrors() {
    }

    /** CreateResourceGroup names its own missing parameters: {@code MissingParameter.DisplayName}. */
    static ApiError missingParameter(String name) {
        return new ApiError(400, "MissingParameter." + name, "You must specify " + name + ".");
    }

    static ApiError nameInvalidChars(String name) {
        return new ApiError(400, "InvalidParameter.Name.InvalidChars", "The Name is invalid: " + name
                + ". Use letters, digits and hyphens (-), starting with a letter.");
    }

    static ApiError nameLength(int min, int max) {
        return new ApiError(400, "InvalidParameter.Name.Length",
                "The maximum length of Name is exceeded. Use " + min + " to " + max + " characters.");
    }

    /** {@code parameter} is DisplayName (CreateResourceGroup) or NewDisplayName (UpdateResourceGroup). */
    static ApiError displayNameLength(String parameter, int max) {
        return new ApiError(400, "InvalidParameter." + parameter + ".Length",
                "The maximum length of " + parameter + " is exceeded. Use 1 to " + max + " characters.");
    }

    static ApiError groupNameExists(String name) {
        return new ApiError(409, "EntityAlreadyExists.ResourceGroup",
                "The resource group already exists: " + name + ". Resource group names are unique in an account.");
    }

    static ApiError invalidGroupId(String id) {
        return new ApiError(400, "InvalidParameter.ResourceGroupId", "The ResourceGroupId is invalid: " + id
                + ". Use a resource group ID (rg-…) or, where a scope is asked for, the account ID.");
    }

    static ApiError groupNotFound(String id) {
        return new ApiError(404, "EntityNotExists.ResourceGroup",
                "The specified resource group does not exist. You must first create a resource group: " + id + ".");
    }

    static ApiError invalidPolicyType(String type) {
        return new ApiError(400, "InvalidParameter.PolicyType",
                "The specified policy type is invalid: " + type + ". Use System or Custom.");
    }

    static ApiError policyNotFound(String type, String name) {
        return new ApiError(404, "EntityNotExist.Policy", "The policy does not exist: " + type + " " + name + ".");
    }

    static ApiError invalidPrincipalType(String type) {
        return new ApiError(400, "InvalidParameter.PrincipalType",
                "The specified principal type is invalid: " + type + ". Use IMSUser, IMSGroup or ServiceRole.");
    }

    static ApiError invalidPrincipalName(String name, String expectedForm) {
        return new ApiError(400, "InvalidParameter.PrincipalName",
                "The specified principal name is invalid: " + name + ". In this account it is named " + expectedForm + ".");
    }

    /** The user, group or role named does not exist ({@code kind}: User, Group, Role). */
    static ApiError principalNotFound(String kind, String name) {
        return new ApiError(404, "EntityNotExist." + kind, "The " + kind.toLowerCase(Locale.ROOT)
                + " does not exist: " + name + ".");
    }

    static ApiError alreadyAttached(String kind, String policyName, String principalName, String scope) {
        return new ApiError(409, "EntityAlreadyExists." + kind + ".Policy",
                "The policy is already attached: " + policyName + " to " + principalName + " at " + scope + ".");
    }

    static ApiError notAttached(String kind, String policyName, String principalName, String scope) {
        return new ApiError(404, "EntityNotExist." + kind + ".Policy",
                "The policy is not attached: " + policyName + " to " + principalName + " at " + scope + ".");
    }

    static ApiError invalidPaging(String parameter, String why) {
        return new ApiError(400, "InvalidParameter." + parameter, "The parameter " + parameter + " is invalid: " + why + ".");
    }
}
