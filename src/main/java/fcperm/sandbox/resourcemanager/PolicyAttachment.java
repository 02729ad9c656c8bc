package fcperm.sandbox.resourcemanager;

/**
 * A policy attached to a principal at a scope, in Resource Manager's terms: the principal is named as the cloud names
 * it ({@code role@role.<alias>.onaliyunservice.com}) and the scope is a resource group id or the account id.
 */
record PolicyAttachment(String policyName, String policyType, String description, String principalName,
                        String principalType, String resourceGroupId, String attachDate) {
}
