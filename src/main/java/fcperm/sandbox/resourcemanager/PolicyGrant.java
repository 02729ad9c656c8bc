package fcperm.sandbox.resourcemanager;

/**
 * The five parameters of AttachPolicy and DetachPolicy: which policy, to which principal (named as Resource Manager
 * names it), at which scope (a resource group id, or the account id for the whole account).
 */
record PolicyGrant(String policyType, String policyName, String principalType, String principalName, String scope) {
}
