package fcperm.sandbox.identity;

/**
 * A policy that applies to a principal: its name, type (System/Custom), the version in force, the scope it was
 * attached at (the account id, or a resource group id) and the document of that version.
 */
public record GrantedPolicy(String policyName, String policyType, String versionId, String scope, String document) {
}
