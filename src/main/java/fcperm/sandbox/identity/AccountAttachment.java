package fcperm.sandbox.identity;

/** A policy attached at account scope to a user or a role, as the ListPoliciesFor... and ListEntitiesForPolicy operations report it. */
public record AccountAttachment(String policyType, String policyName, String principalType, String principalId, String attachDate) {
}
