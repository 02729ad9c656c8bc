package fcperm.sandbox.resourcemanager;

import fcperm.sandbox.protocol.ApiError;

/** Resource Manager's error codes (wire-protocols.md §4), with the cloud's wording where it is known. */
final class ResourceManagerErrors {

    private ResourceManagerErrors() {
    }

    static ApiError groupNotFound(String id) {
        return new ApiError(404, "EntityNotExists.ResourceGroup", "The resource group " + id + " does not exist.");
    }

    static ApiError malformedGroupId(String id) {
        return new ApiError(400, "InvalidResourceGroupId.Malformed",
                "The resource group ID " + id + " is malformed: use rg-… or the account ID for the whole account.");
    }

    static ApiError groupNameExists(String name) {
        return new ApiError(409, "EntityAlreadyExists.ResourceGroup", "A resource group named " + name + " already exists.");
    }

    static ApiError invalidParameter(String name, String why) {
        return new ApiError(400, "InvalidParameter." + name, "The parameter " + name + " is invalid: " + why);
    }

    static ApiError policyNotFound(String type, String name) {
        return new ApiError(404, "EntityNotExist.Policy", "The " + type + " policy " + name + " does not exist.");
    }

    static ApiError principalNotFound(String type, String name) {
        return new ApiError(404, type.equals("ServiceRole") ? "EntityNotExist.Role" : "EntityNotExist.User",
                "The principal " + name + " (" + type + ") does not exist.");
    }

    static ApiError attachmentExists(String policy, String principal, String scope) {
        return new ApiError(409, "EntityAlreadyExists.PolicyAttachment",
                "The policy " + policy + " is already attached to " + principal + " at " + scope + ".");
    }

    static ApiError attachmentNotFound(String policy, String principal, String scope) {
        return new ApiError(404, "EntityNotExist.PolicyAttachment",
                "The policy " + policy + " is not attached to " + principal + " at " + scope + ".");
    }
}
