package fcperm.sandbox.identity;

/** A RAM role as RAM reports it. */
public record Role(String roleId, String roleName, String arn, String description, String assumeRolePolicyDocument,
            long maxSessionDuration, String createDate, String updateDate) {
}
